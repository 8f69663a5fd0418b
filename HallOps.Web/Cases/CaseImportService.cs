using HallOps.Web.Imports;
using System.Globalization;
using System.Text;
using HallOps.Domain.Cases;
using HallOps.Web.Identity;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HallOps.Web.Cases;

/// <summary>What an import did: the cases created and those already present, or why nothing was imported.</summary>
public sealed record CaseImportResult(int Imported, int AlreadyPresent, IReadOnlyList<CaseLineError> Errors, string? FileError)
{
    public bool Succeeded => Errors.Count == 0 && FileError is null;
}

/// <summary>
/// 办件导入 (TL0, TL3): a CSV or xlsx file of cases from the approval system, one case a line under
/// a header line naming the columns (外部编号, 事项编码, 申请人类型, 申请人, 证件号码, 联系电话, 收件时间,
/// 受理时间, 窗口号, 承办人工号, 状态, 办结时间; in any order, English names too). All or nothing: one bad
/// cell and nothing is imported, every problem reported with its line and column. Importing the same
/// file again changes nothing (cases are found by 外部编号). Manage policy, re-checked on every import.
/// </summary>
public sealed class CaseImportService(
    ExternalCaseService cases,
    CaseTexts texts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> L)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxRows = 10_000;



    public async Task<CaseImportResult> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            return Failed(L["CaseImport.NotCsvOrXlsx"]);
        }
        using var buffer = new MemoryStream();
        try
        {
            await ImportFiles.CopyLimitedAsync(content, buffer, MaxFileBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Failed(L["CaseImport.TooLarge", MaxFileBytes / 1024 / 1024]);
        }
        buffer.Position = 0;

        List<string?[]> lines;
        try
        {
            lines = extension == ".csv" ? ImportFiles.ReadCsv(buffer.ToArray()).ConvertAll<string?[]>(line => line) : ReadXlsx(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException
                                      or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return Failed(L["CaseImport.Unreadable"]);
        }

        var headerIndex = lines.FindIndex(l => l.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerIndex < 0)
        {
            return Failed(L["CaseImport.Empty"]);
        }
        var known = texts.Headers();
        var columns = new Dictionary<CaseField, int>();
        var header = lines[headerIndex];
        var headerErrors = new List<CaseLineError>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i]?.Trim().TrimStart('\uFEFF') ?? "";
            if (name.Length == 0)
            {
                continue;
            }
            if (!known.TryGetValue(name, out var field))
            {
                return Failed(L["CaseImport.UnknownColumn", name, headerIndex + 1]);
            }
            if (!columns.TryAdd(field, i))
            {
                return Failed(L["CaseImport.RepeatedColumn", name, headerIndex + 1]);
            }
        }
        var missing = new[] { CaseField.ExternalNumber, CaseField.MatterCode, CaseField.ApplicantName, CaseField.ReceivedAt }
            .Where(f => !columns.ContainsKey(f)).Select(texts.Column).ToList();
        if (missing.Count > 0)
        {
            return Failed(L["CaseImport.MissingColumns", string.Join(L["CaseImport.ListSeparator"], missing)]);
        }

        var rows = new List<(int Line, ExternalCaseText Text)>();
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            var cells = lines[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string? Cell(CaseField field) => columns.TryGetValue(field, out var at) && at < cells.Length ? cells[at] : null;
            rows.Add((i + 1, new ExternalCaseText(
                Cell(CaseField.ExternalNumber), Cell(CaseField.MatterCode), Cell(CaseField.ApplicantKind), Cell(CaseField.ApplicantName),
                Cell(CaseField.ApplicantIdNumber), Cell(CaseField.ApplicantPhone), Cell(CaseField.ReceivedAt), Cell(CaseField.AcceptedAt),
                Cell(CaseField.WindowNumber), Cell(CaseField.HandlerNo), Cell(CaseField.State), Cell(CaseField.ClosedAt))));
        }
        if (rows.Count == 0)
        {
            return Failed(L["CaseImport.NoRows"]);
        }
        if (rows.Count > MaxRows)
        {
            return Failed(L["CaseImport.TooManyRows", MaxRows]);
        }

        var (valid, errors) = await cases.CheckAsync(rows, cancellationToken);
        if (errors.Count > 0)
        {
            return new CaseImportResult(0, 0, errors, null);
        }
        var stored = await cases.StoreAsync(valid, CaseSource.Import, user.Name, cancellationToken);
        return new CaseImportResult(stored.Created, stored.AlreadyPresent, [], null);
    }

    /// <summary>A message for an import: the counts created and already present.</summary>
    public string Summary(CaseImportResult result) => L["CaseImport.Done", result.Imported, result.AlreadyPresent];

    private static CaseImportResult Failed(string message) => new(0, 0, [], message);

    /// <summary>The first sheet's rows as text (line n of the list is row n of the sheet); dates as hall-time text.</summary>
    public static List<string?[]> ReadXlsx(Stream stream)
    {
        var lines = new List<string?[]>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, startCell: "A1"))
        {
            lines.Add(row.Values.Select(CellText).ToArray());
        }
        return lines;
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
