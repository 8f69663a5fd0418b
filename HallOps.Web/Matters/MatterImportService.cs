using HallOps.Web.Imports;
using System.Globalization;
using System.Text;
using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Matters;

/// <summary>One problem of an import file, at its line (1 = the header) and column.</summary>
public sealed record ImportError(int Line, string? Column, string Message);

/// <summary>What an import did: nothing at all when there is any error (all or nothing).</summary>
public sealed record MatterImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static MatterImportResult Failed(params ImportError[] errors) => new(0, 0, 0, errors);
}

/// <summary>
/// Imports the catalogue from xlsx or CSV (TL1, OT1, OT5): one row per material, rows grouped by
/// 事项编码. Every error is reported with its line and column, and one broken row imports nothing
/// (one transaction). A code already in the catalogue gets a new version only if something changed,
/// with the reason "导入 file name". The template and the export use the same columns.
/// </summary>
public sealed class MatterImportService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    MatterCatalogService catalog,
    IStringLocalizer<SharedResource> L,
    ILogger<MatterImportService> logger)
{
    /// <summary>The largest file accepted.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public const int MaxRows = 20_000;

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The columns, in order, as the header names them (the hall's own terms).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "事项编码", "事项名称", "类型", "进驻单位", "窗口号", "法定时限", "承诺时限", "补正是否停表", "法律依据",
        "材料序号", "材料名称", "材料要求", "可容缺", "办事指南",
    ];

    private const int Code = 0, Name = 1, Kind = 2, Unit = 3, Window = 4, Statutory = 5, Committed = 6, Pauses = 7, Legal = 8,
        MaterialNo = 9, MaterialName = 10, Requirement = 11, Deferrable = 12, Guide = 13;

    /// <summary>The columns that describe the matter rather than one material.</summary>
    private static readonly int[] MatterColumns = [Name, Kind, Unit, Window, Statutory, Committed, Pauses, Legal];

    private static readonly string[] Yes = ["是", "y", "yes", "true", "1", "√"];
    private static readonly string[] No = ["否", "n", "no", "false", "0", ""];

    /// <summary>Reads the file (xlsx by its name, otherwise CSV in UTF-8 or GB18030) and imports it, all or nothing.</summary>
    public async Task<MatterImportResult> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        var name = Path.GetFileName(fileName ?? "").Trim();
        using var buffer = new MemoryStream();
        try
        {
            await ImportFiles.CopyLimitedAsync(content, buffer, MaxFileBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return MatterImportResult.Failed(new ImportError(0, null, L["Matter.ImportTooLarge", MaxFileBytes / 1024 / 1024]));
        }
        buffer.Position = 0;

        List<string[]> lines;
        try
        {
            lines = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(buffer)
                : name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ImportFiles.ReadCsv(buffer.ToArray())
                : throw new NotSupportedException();
        }
        catch (NotSupportedException)
        {
            return MatterImportResult.Failed(new ImportError(0, null, L["Matter.ImportFileType"]));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the reader makes of a broken file, the answer is the same: not readable.
            logger.LogInformation(ex, "Matter import: {File} could not be read", name);
            return MatterImportResult.Failed(new ImportError(0, null, L["Matter.ImportUnreadable"]));
        }
        if (lines.Count - 1 > MaxRows)
        {
            return MatterImportResult.Failed(new ImportError(0, null, L["Matter.ImportTooManyRows", MaxRows]));
        }
        return await ImportLinesAsync(name, lines, user.Name, cancellationToken);
    }

    private async Task<MatterImportResult> ImportLinesAsync(string fileName, List<string[]> lines, string changedBy, CancellationToken cancellationToken)
    {
        // The header: every column there, by name, in any order.
        var header = lines.Count > 0 ? lines[0].Select(h => h.Trim()).ToArray() : [];
        var at = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var missing = Columns.Where((c, i) => at[i] < 0).ToList();
        if (missing.Count > 0)
        {
            return MatterImportResult.Failed(new ImportError(1, null, L["Matter.ImportMissingColumns", string.Join(L["Matter.ListSeparator"], missing)]));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = await db.HomeUnits.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Number }).ToListAsync(cancellationToken);
        var errors = new List<ImportError>();
        var rows = new List<Row>();
        var firstCells = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = Columns.Select((_, c) => at[c] < lines[i].Length ? lines[i][at[c]].Trim() : "").ToArray();
            if (cells.All(c => c.Length == 0))
            {
                continue; // a blank line
            }
            // A matter's further material lines may leave its own columns blank: they repeat its first line.
            var code = MatterRules.NormalizeCode(cells[Code]);
            if (code.Length > 0 && !firstCells.TryAdd(code, cells))
            {
                foreach (var column in MatterColumns.Where(c => cells[c].Length == 0))
                {
                    cells[column] = firstCells[code][column];
                }
            }
            rows.Add(ParseRow(i + 1, cells, units.Select(u => (u.Id, u.Name)).ToList(), windows.Select(w => (w.Id, w.Number)).ToList(), errors));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(0, null, L["Matter.ImportEmpty"]));
        }

        // Group by code; the matter's own columns agree on every line of a group.
        var groups = rows.Where(r => r.Code.Length > 0).GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).ToList();
        var edits = new List<(Row First, MatterEdit Edit)>();
        foreach (var group in groups)
        {
            var first = group.First();
            foreach (var row in group.Skip(1).Where(r => !r.HasParseErrors && !first.HasParseErrors))
            {
                foreach (var (column, differs) in new (int, bool)[]
                {
                    (Name, row.Cells[Name] != first.Cells[Name]), (Kind, row.Kind != first.Kind), (Unit, row.UnitId != first.UnitId),
                    (Window, row.WindowId != first.WindowId), (Statutory, row.Statutory != first.Statutory), (Committed, row.Committed != first.Committed),
                    (Pauses, row.Pauses != first.Pauses), (Legal, row.Cells[Legal] != first.Cells[Legal]),
                    (Guide, row.Cells[Guide].Length > 0 && first.Cells[Guide].Length > 0 && row.Cells[Guide] != first.Cells[Guide]),
                })
                {
                    if (differs)
                    {
                        errors.Add(new ImportError(row.Line, Columns[column], L["Matter.ImportDiffers", first.Line]));
                    }
                }
            }
            var materialRows = group.Where(r => r.Cells[MaterialName].Length > 0 || r.Cells[MaterialNo].Length > 0).ToList();
            foreach (var duplicateNo in materialRows.Where(r => r.MaterialNo is not null).GroupBy(r => r.MaterialNo).Where(g => g.Count() > 1))
            {
                foreach (var row in duplicateNo.Skip(1))
                {
                    errors.Add(new ImportError(row.Line, Columns[MaterialNo], L["Matter.ImportDuplicateNo", duplicateNo.Key ?? 0, duplicateNo.First().Line]));
                }
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in materialRows)
            {
                var materialName = MatterRules.NormalizeMaterial(row.Cells[MaterialName]);
                if (materialName.Length == 0)
                {
                    errors.Add(new ImportError(row.Line, Columns[MaterialName], L["Matter.MaterialNameRequired"]));
                }
                else if (seen.TryGetValue(materialName, out var firstLine))
                {
                    errors.Add(new ImportError(row.Line, Columns[MaterialName], L["Matter.ImportDuplicateMaterial", materialName, firstLine]));
                }
                else
                {
                    seen[materialName] = row.Line;
                }
            }
            var edit = new MatterEdit
            {
                Code = first.Code, Name = first.Cells[Name], Kind = first.Kind ?? MatterKind.Licence, HomeUnitId = first.UnitId, WindowId = first.WindowId,
                StatutoryDays = first.Statutory ?? 0, CommittedDays = first.Committed ?? 0, SupplementPausesClock = first.Pauses ?? true,
                LegalBasis = first.Cells[Legal], Guide = group.Select(r => r.Cells[Guide]).FirstOrDefault(g => g.Length > 0) ?? "",
                Materials = materialRows.OrderBy(r => r.MaterialNo ?? int.MaxValue).ThenBy(r => r.Line)
                    .Select(r => new MaterialEdit { Name = r.Cells[MaterialName], Requirement = r.Cells[Requirement], Deferrable = r.Deferrable ?? false })
                    .ToList(),
            };
            edits.Add((first, edit));
        }

        // The catalogue's rules, per matter, at the matter's first line (each column's own problems were reported above).
        var existing = await db.Matters.Include(m => m.CurrentVersion).ThenInclude(v => v!.Materials).ToListAsync(cancellationToken);
        var reason = L["Matter.ImportReason", fileName].Value;
        var plan = new List<(Matter? Matter, MatterEdit Edit)>();
        foreach (var (first, edit) in edits)
        {
            if (first.HasParseErrors)
            {
                continue;
            }
            var matter = existing.FirstOrDefault(m => MatterRules.SameCode(m.Code, edit.Code));
            var issues = MatterRules.Check(
                new MatterDraft(edit.Code, edit.Name, edit.StatutoryDays, edit.CommittedDays, edit.Materials.Select(m => m.Name).ToList()),
                []);
            foreach (var issue in issues.Where(i => i.Problem is not (MatterProblem.MaterialNameRequired or MatterProblem.DuplicateMaterial)))
            {
                var column = issue.Problem switch
                {
                    MatterProblem.NameRequired => Columns[Name],
                    MatterProblem.CommittedOverStatutory => Columns[Committed],
                    MatterProblem.MaterialsRequired => Columns[MaterialName],
                    _ => Columns[Statutory],
                };
                errors.Add(new ImportError(first.Line, column, catalog.Messages([issue]).Single()));
            }
            foreach (var (value, max, column) in new[]
            {
                (edit.Code, MatterCatalogService.MaxCode, Code), (edit.Name, MatterCatalogService.MaxName, Name),
                (edit.LegalBasis ?? "", MatterCatalogService.MaxLegalBasis, Legal), (edit.Guide ?? "", MatterCatalogService.MaxGuide, Guide),
            })
            {
                if (value.Length > max)
                {
                    errors.Add(new ImportError(first.Line, Columns[column], L["Matter.ImportTooLong", max]));
                }
            }
            plan.Add((matter, edit));
        }
        foreach (var row in rows.Where(r => r.Cells[MaterialName].Length > MatterCatalogService.MaxMaterialName))
        {
            errors.Add(new ImportError(row.Line, Columns[MaterialName], L["Matter.ImportTooLong", MatterCatalogService.MaxMaterialName]));
        }
        foreach (var row in rows.Where(r => r.Cells[Requirement].Length > MatterCatalogService.MaxRequirement))
        {
            errors.Add(new ImportError(row.Line, Columns[Requirement], L["Matter.ImportTooLong", MatterCatalogService.MaxRequirement]));
        }
        if (errors.Count > 0)
        {
            return new MatterImportResult(0, 0, 0, errors.OrderBy(e => e.Line).ThenBy(e => e.Column is null ? -1 : Columns.ToList().IndexOf(e.Column)).ToList());
        }

        // All or nothing: one transaction for the whole file.
        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (matter, edit) in plan)
            {
                var version = catalog.NewVersion(edit, edit.Materials, changedBy, reason);
                if (matter is not null && matter.CurrentVersion is { } current && MatterRules.SameContent(current, version)
                    && matter.Name == edit.Name.Trim() && matter.Kind == edit.Kind && matter.HomeUnitId == edit.HomeUnitId && matter.WindowId == edit.WindowId)
                {
                    unchanged++;
                    continue;
                }
                var code = matter?.Code ?? MatterRules.NormalizeCode(edit.Code);
                await catalog.SaveVersionAsync(db, matter, edit, code, version, cancellationToken);
                if (matter is null)
                {
                    created++;
                }
                else
                {
                    updated++;
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return MatterImportResult.Failed(new ImportError(0, null, L["Matter.Conflict"]));
        }
        return new MatterImportResult(created, updated, unchanged, []);
    }

    private sealed record Row(int Line, string[] Cells, string Code, MatterKind? Kind, int? UnitId, int? WindowId,
        int? Statutory, int? Committed, bool? Pauses, int? MaterialNo, bool? Deferrable, bool HasParseErrors);

    private Row ParseRow(int line, string[] cells, List<(int Id, string Name)> units, List<(int Id, int Number)> windows, List<ImportError> errors)
    {
        var before = errors.Count;
        void Error(int column, string message) => errors.Add(new ImportError(line, Columns[column], message));

        var code = MatterRules.NormalizeCode(cells[Code]);
        if (code.Length == 0)
        {
            Error(Code, L["Matter.CodeRequired"]);
        }
        MatterKind? kind = cells[Kind] switch
        {
            "行政许可" or "许可" or "Licence" or "License" => MatterKind.Licence,
            "公共服务" or "Public service" or "PublicService" => MatterKind.PublicService,
            _ => null,
        };
        if (kind is null)
        {
            Error(Kind, L["Matter.ImportKind", cells[Kind]]);
        }
        int? unitId = null;
        if (cells[Unit].Length == 0)
        {
            Error(Unit, L["Matter.UnitRequired"]);
        }
        else if (units.FirstOrDefault(u => u.Name == cells[Unit]) is { Id: > 0 } unit)
        {
            unitId = unit.Id;
        }
        else
        {
            Error(Unit, L["Matter.ImportUnknownUnit", cells[Unit]]);
        }
        int? windowId = null;
        if (cells[Window].Length > 0)
        {
            var number = Integer(cells[Window].TrimEnd('号'));
            if (number is not null && windows.FirstOrDefault(w => w.Number == number) is { Id: > 0 } window)
            {
                windowId = window.Id;
            }
            else
            {
                Error(Window, L["Matter.ImportUnknownWindow", cells[Window]]);
            }
        }
        int? Limit(int column)
        {
            var value = Integer(cells[column]);
            if (value is null)
            {
                Error(column, L["Matter.ImportNotANumber", cells[column]]);
            }
            else if (value < 0)
            {
                Error(column, L["Matter.NegativeLimit"]);
            }
            else if (value > CaseClock.MaxDays)
            {
                Error(column, L["Matter.LimitTooLong", CaseClock.MaxDays]);
            }
            return value;
        }
        var statutory = Limit(Statutory);
        var committed = Limit(Committed);
        if (statutory is >= 0 and <= CaseClock.MaxDays && committed is >= 0 and <= CaseClock.MaxDays && committed > statutory)
        {
            Error(Committed, L["Matter.CommittedOverStatutory"]);
        }
        bool? YesNo(int column)
        {
            var value = cells[column].ToLowerInvariant();
            if (Yes.Contains(value))
            {
                return true;
            }
            if (No.Contains(value))
            {
                return false;
            }
            Error(column, L["Matter.ImportYesNo", cells[column]]);
            return null;
        }
        var pauses = cells[Pauses].Length == 0 ? true : YesNo(Pauses);
        int? materialNo = null;
        if (cells[MaterialNo].Length > 0)
        {
            materialNo = Integer(cells[MaterialNo]);
            if (materialNo is not > 0)
            {
                Error(MaterialNo, L["Matter.ImportMaterialNo", cells[MaterialNo]]);
                materialNo = null;
            }
        }
        var deferrable = YesNo(Deferrable);
        // Errors of the row's own cells mean the rules are not checked again for its matter (one message per cause).
        return new Row(line, cells, code, kind, unitId, windowId, statutory, committed, pauses, materialNo, deferrable, errors.Count > before);
    }

    private static int? Integer(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real) && Math.Abs(real) < int.MaxValue ? (int)real
        : null;

    /// <summary>The sheet's rows as text, the header first; a row's index + 1 is its line number.</summary>
    private static List<string[]> ReadXlsx(Stream stream)
    {
        var rows = new List<string[]>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add(row.Values.Select(v => v switch
            {
                null => "",
                double d => d.ToString(CultureInfo.InvariantCulture),
                bool b => b ? "是" : "否",
                DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            }).ToArray());
        }
        return rows;
    }

    /// <summary>
    /// The template's example, or the current catalogue, in the import's columns. Served by endpoints
    /// that require the Manage policy (a request has no circuit to re-check it on).
    /// </summary>
    public async Task<byte[]> WorkbookAsync(bool template, CancellationToken cancellationToken = default)
    {
        var rows = new List<Dictionary<string, object>>();
        if (template)
        {
            rows.AddRange(Example());
        }
        else
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var matters = await db.Matters.AsNoTracking()
                .Include(m => m.HomeUnit).Include(m => m.Window).Include(m => m.CurrentVersion).ThenInclude(v => v!.Materials)
                .OrderBy(m => m.Code).AsSplitQuery().ToListAsync(cancellationToken);
            foreach (var m in matters.Where(m => m.CurrentVersion is not null))
            {
                var v = m.CurrentVersion!;
                var materials = v.Materials.OrderBy(x => x.Order).ToList();
                if (materials.Count == 0)
                {
                    rows.Add(Line(m.Code, m.Name, m.Kind, m.HomeUnit?.Name, m.Window?.Number, v, null, v.Guide));
                }
                rows.AddRange(materials.Select((x, i) => Line(m.Code, m.Name, m.Kind, m.HomeUnit?.Name, m.Window?.Number, v, x, i == 0 ? v.Guide : "")));
            }
        }
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    /// <summary>The template's header and example lines as CSV (UTF-8 with a byte order mark, so Excel opens it in Chinese).</summary>
    public static byte[] TemplateCsv()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns)).Append("\r\n");
        foreach (var row in Example())
        {
            text.Append(string.Join(',', Columns.Select(c => Csv(Convert.ToString(row[c], CultureInfo.InvariantCulture) ?? "")))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static Dictionary<string, object> Line(string code, string name, MatterKind kind, string? unit, int? window, MatterVersion v, MatterMaterial? m, string guide) => new()
    {
        [Columns[Code]] = code,
        [Columns[Name]] = name,
        [Columns[Kind]] = kind == MatterKind.Licence ? "行政许可" : "公共服务",
        [Columns[Unit]] = unit ?? "",
        [Columns[Window]] = window?.ToString(CultureInfo.InvariantCulture) ?? "",
        [Columns[Statutory]] = v.StatutoryDays,
        [Columns[Committed]] = v.CommittedDays,
        [Columns[Pauses]] = v.SupplementPausesClock ? "是" : "否",
        [Columns[Legal]] = v.LegalBasis ?? "",
        [Columns[MaterialNo]] = m is null ? "" : m.Order.ToString(CultureInfo.InvariantCulture),
        [Columns[MaterialName]] = m?.Name ?? "",
        [Columns[Requirement]] = m?.Requirement ?? "",
        [Columns[Deferrable]] = m is null ? "" : m.Deferrable ? "是" : "否",
        [Columns[Guide]] = guide,
    };

    private static IEnumerable<Dictionary<string, object>> Example()
    {
        var version = new MatterVersion
        {
            ChangedBy = "", StatutoryDays = 20, CommittedDays = 10, SupplementPausesClock = true,
            LegalBasis = "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
        };
        const string guide = "办理地点：政务服务中心二楼15号窗口；办理时间：法定工作日；收费标准：不收费。";
        yield return Line("SPJY-EXAMPLE", "食品经营许可（示例）", MatterKind.Licence, "县市场监督管理局", 15, version,
            new MatterMaterial { Order = 1, Name = "食品经营许可申请书", Requirement = "原件1份，法定代表人签字并加盖公章" }, guide);
        yield return Line("SPJY-EXAMPLE", "食品经营许可（示例）", MatterKind.Licence, "县市场监督管理局", 15, version,
            new MatterMaterial { Order = 2, Name = "营业执照", Requirement = "复印件1份，核验原件" }, "");
        yield return Line("SPJY-EXAMPLE", "食品经营许可（示例）", MatterKind.Licence, "县市场监督管理局", 15, version,
            new MatterMaterial { Order = 3, Name = "从业人员健康证明", Requirement = "复印件", Deferrable = true }, "");
    }
}
