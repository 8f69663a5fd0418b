using System.Globalization;
using System.Text.RegularExpressions;
using HallOps.Domain.Calendar;
using HallOps.Domain.Complaints;
using HallOps.Domain.Persistence;
using HallOps.Web.Cases;
using HallOps.Web.Identity;
using HallOps.Web.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Complaints;

/// <summary>
/// 差评处理 (AC5, SC2.6): bad ratings (差评, level 1 非常不满意 or 2 不满意) of the 好差评 system become
/// complaints in the office's queue that need a call-back and the fix, due in
/// <c>Hall:Complaints:BadRatingDueWorkingDays</c> working days from when the office records them.
/// Entered by hand, or imported from the system's xlsx export (评价编号, 评价时间, 窗口, 工作人员, 评价等级,
/// 评价内容, 联系电话). An import is all or nothing: any bad row and nothing is saved, every problem
/// listed by its row number. Levels 3–5 open nothing. A rating already held (by 评价编号, a unique
/// index) opens nothing twice, so the same file imported twice changes nothing the second time.
/// Complaints policy, re-checked on every read and action.
/// </summary>
public sealed class RatingService(
    IDbContextFactory<HallDbContext> contexts,
    ComplaintService complaints,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const int MaxReference = 100;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The export's columns, in its order (the 好差评 system's own names).</summary>
    public static readonly string[] Columns = ["评价编号", "评价时间", "窗口", "工作人员", "评价等级", "评价内容", "联系电话"];

    private static readonly string[] EnglishColumns = ["Reference", "RatedAt", "Window", "Staff", "Level", "Comment", "Phone"];

    /// <summary>The level words the export may carry instead of a digit.</summary>
    private static readonly Dictionary<string, int> LevelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["非常不满意"] = 1, ["不满意"] = 2, ["基本满意"] = 3, ["满意"] = 4, ["非常满意"] = 5,
    };

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/MM/dd HH:mm",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd", "yyyy/M/d",
    ];

    /// <summary>The most recent bad ratings (entered or imported), newest first.</summary>
    public async Task<IReadOnlyList<RatingRow>> RecentAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Complaints.AsNoTracking().Where(c => c.Kind == ComplaintKind.BadRating)
            .OrderByDescending(c => c.Id).Take(take)
            .Select(c => new
            {
                Row = new RatingRow(c.Id, c.Number, c.ReceivedAt, c.RatingLevel, c.RatingReference,
                    db.Windows.Where(w => w.Id == c.SubjectWindowId).Select(w => (int?)w.Number).FirstOrDefault(),
                    db.StaffMembers.Where(s => s.Id == c.SubjectStaffId).Select(s => s.Name).FirstOrDefault(),
                    c.Content, c.Source, c.Status, c.CalledBackAt, Domain.Cases.CaseLight.None),
                c.DueSoonAt,
                c.DueAt,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.Row with { Light = ComplaintRules.LightAt(now, r.Row.Status, r.DueSoonAt, r.DueAt) }).ToList();
    }

    /// <summary>A bad rating entered by hand: level 1 or 2 opens a complaint needing a call-back; 3–5 are refused (nothing to follow up).</summary>
    public async Task<ComplaintResult> EnterAsync(RatingEntry entry, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var user = await currentUser.GetAsync();
        var now = time.GetUtcNow();
        var errors = new List<string>();
        if (entry.Level is not { } level || !ComplaintWorkflow.IsValidLevel(level))
        {
            errors.Add(L["Rating.LevelRequired"]);
        }
        else if (!ComplaintWorkflow.IsBadRating(level))
        {
            errors.Add(L["Rating.NotBad", level, complaints.LevelName(level)]);
        }
        if (entry.RatedAt is not { } ratedAt)
        {
            errors.Add(L["Rating.TimeRequired"]);
        }
        else if (ratedAt > now)
        {
            errors.Add(L["Rating.TimeInFuture"]);
        }
        if (entry.WindowId is null && entry.StaffId is null)
        {
            errors.Add(L["Rating.SubjectRequired"]);
        }
        var comment = ComplaintService.Blank(entry.Comment);
        if (comment is { Length: > ComplaintRules.MaxContent })
        {
            errors.Add(L["Complaint.ContentTooLong", ComplaintRules.MaxContent]);
        }
        var phone = ComplaintService.Blank(entry.RaterPhone);
        if (phone is not null && !IsPhone(phone))
        {
            errors.Add(L["Rating.PhoneInvalid"]);
        }
        var reference = ComplaintService.Blank(entry.Reference);
        if (reference is { Length: > MaxReference })
        {
            errors.Add(L["Rating.ReferenceTooLong", MaxReference]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        errors.AddRange(await complaints.SubjectErrorsAsync(db, entry.StaffId, entry.WindowId, cancellationToken));
        if (reference is not null && await db.Complaints.AnyAsync(c => c.RatingReference == reference, cancellationToken))
        {
            errors.Add(L["Rating.ReferenceExists", reference]);
        }
        if (errors.Count > 0)
        {
            return new ComplaintResult(errors);
        }

        var complaint = await complaints.NewComplaintAsync(ComplaintKind.BadRating, ComplaintSource.Rating, entry.RatedAt!.Value, now, user.DisplayName,
            comment ?? L["Rating.NoComment", entry.Level!.Value, complaints.LevelName(entry.Level.Value)], cancellationToken);
        complaint.RatingLevel = entry.Level;
        complaint.RatingReference = reference;
        complaint.ComplainantPhone = phone;
        complaint.SubjectWindowId = entry.WindowId;
        complaint.SubjectStaffId = entry.StaffId;
        db.Complaints.Add(complaint);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new ComplaintResult([L["Rating.ReferenceExists", reference ?? ""]]);
        }
        return new ComplaintResult([], complaint.Id);
    }

    /// <summary>Imports the 好差评 system's xlsx export: all or nothing, every bad row reported with its row number.</summary>
    public async Task<RatingImportResult> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var user = await currentUser.GetAsync();
        if (!string.Equals(Path.GetExtension(fileName ?? ""), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Failed(L["Rating.Import.NotXlsx"]);
        }
        using var buffer = new MemoryStream();
        try
        {
            await ImportFiles.CopyLimitedAsync(content, buffer, MaxFileBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Failed(L["Rating.Import.TooLarge", MaxFileBytes / 1024 / 1024]);
        }
        buffer.Position = 0;
        List<string?[]> lines;
        try
        {
            lines = CaseImportService.ReadXlsx(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException
                                      or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return Failed(L["Rating.Import.Unreadable"]);
        }

        var headerIndex = lines.FindIndex(l => l.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerIndex < 0)
        {
            return Failed(L["Rating.Import.Empty"]);
        }
        var columns = new Dictionary<int, int>();
        var header = lines[headerIndex];
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i]?.Trim().TrimStart('\uFEFF') ?? "";
            var field = Array.IndexOf(Columns, name) is var zh and >= 0 ? zh : Array.FindIndex(EnglishColumns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (name.Length > 0 && field >= 0)
            {
                columns.TryAdd(field, i);
            }
        }
        var missing = new[] { 0, 1, 4 }.Where(f => !columns.ContainsKey(f)).Select(f => Columns[f]).ToList();
        if (!columns.ContainsKey(2) && !columns.ContainsKey(3))
        {
            missing.Add(Columns[2]);
        }
        if (missing.Count > 0)
        {
            return Failed(L["Rating.Import.MissingColumns", string.Join(L["CaseImport.ListSeparator"], missing)]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var windows = await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);

        var errors = new List<RatingRowError>();
        var bad = new List<(int Row, string Reference, DateTimeOffset At, int Level, int? WindowId, int? StaffId, string? Comment, string? Phone)>();
        var notBad = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowCount = 0;
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            var cells = lines[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (++rowCount > MaxRows)
            {
                return Failed(L["Rating.Import.TooManyRows", MaxRows]);
            }
            var row = i + 1;
            string? Cell(int field) => columns.TryGetValue(field, out var at) && at < cells.Length ? ComplaintService.Blank(cells[at]) : null;
            var rowErrors = new List<string>();

            var reference = Cell(0);
            if (reference is null)
            {
                rowErrors.Add(L["Rating.Import.ReferenceRequired"]);
            }
            else if (reference.Length > MaxReference)
            {
                rowErrors.Add(L["Rating.ReferenceTooLong", MaxReference]);
            }
            else if (seen.TryGetValue(reference, out var first))
            {
                rowErrors.Add(L["Rating.Import.ReferenceRepeated", reference, first]);
            }
            else
            {
                seen[reference] = row;
            }

            DateTimeOffset at = default;
            var timeText = Cell(1);
            if (timeText is null)
            {
                rowErrors.Add(L["Rating.TimeRequired"]);
            }
            else if (!DateTime.TryParseExact(timeText, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                rowErrors.Add(L["Rating.Import.TimeInvalid", timeText]);
            }
            else
            {
                at = calendar.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
                if (at > now)
                {
                    rowErrors.Add(L["Rating.TimeInFuture"]);
                }
            }

            var levelText = Cell(4);
            int level = 0;
            if (levelText is null)
            {
                rowErrors.Add(L["Rating.LevelRequired"]);
            }
            else if (!(int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out level) || LevelWords.TryGetValue(levelText, out level))
                     || !ComplaintWorkflow.IsValidLevel(level))
            {
                rowErrors.Add(L["Rating.Import.LevelInvalid", levelText]);
                level = 0;
            }

            int? windowId = null;
            if (Cell(2) is { } windowText)
            {
                var digits = Regex.Match(windowText, "^\\s*(\\d{1,4})").Groups[1].Value;
                var matches = windows.Where(w => w.Name == windowText || (digits.Length > 0 && w.Number.ToString(CultureInfo.InvariantCulture) == digits)).ToList();
                if (matches.Count != 1)
                {
                    rowErrors.Add(L["Rating.Import.WindowUnknown", windowText]);
                }
                else
                {
                    windowId = matches[0].Id;
                }
            }
            int? staffId = null;
            if (Cell(3) is { } staffText)
            {
                var byNo = staff.Where(s => s.EmployeeNo == staffText).ToList();
                var matches = byNo.Count > 0 ? byNo : staff.Where(s => s.Name == staffText).ToList();
                if (matches.Count == 0)
                {
                    rowErrors.Add(L["Rating.Import.StaffUnknown", staffText]);
                }
                else if (matches.Count > 1)
                {
                    rowErrors.Add(L["Rating.Import.StaffAmbiguous", staffText]);
                }
                else
                {
                    staffId = matches[0].Id;
                }
            }
            if (Cell(2) is null && Cell(3) is null)
            {
                rowErrors.Add(L["Rating.SubjectRequired"]);
            }
            var comment = Cell(5);
            if (comment is { Length: > ComplaintRules.MaxContent })
            {
                rowErrors.Add(L["Complaint.ContentTooLong", ComplaintRules.MaxContent]);
            }
            var phone = Cell(6);
            if (phone is not null && !IsPhone(phone))
            {
                rowErrors.Add(L["Rating.PhoneInvalid"]);
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(e => new RatingRowError(row, e)));
            }
            else if (ComplaintWorkflow.IsBadRating(level))
            {
                bad.Add((row, reference!, at, level, windowId, staffId, comment, phone));
            }
            else
            {
                notBad++;
            }
        }
        if (rowCount == 0)
        {
            return Failed(L["Rating.Import.NoRows"]);
        }
        if (errors.Count > 0)
        {
            return new RatingImportResult(0, 0, 0, errors, null);
        }

        var references = bad.Select(b => b.Reference).ToList();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in references.Chunk(500))
        {
            present.UnionWith(await db.Complaints.Where(c => c.RatingReference != null && chunk.Contains(c.RatingReference))
                .Select(c => c.RatingReference!).ToListAsync(cancellationToken));
        }
        var opened = 0;
        foreach (var rating in bad.Where(b => !present.Contains(b.Reference)))
        {
            var complaint = await complaints.NewComplaintAsync(ComplaintKind.BadRating, ComplaintSource.RatingImport, rating.At, now, user.DisplayName,
                rating.Comment ?? L["Rating.NoComment", rating.Level, complaints.LevelName(rating.Level)], cancellationToken);
            complaint.RatingLevel = rating.Level;
            complaint.RatingReference = rating.Reference;
            complaint.ComplainantPhone = rating.Phone;
            complaint.SubjectWindowId = rating.WindowId;
            complaint.SubjectStaffId = rating.StaffId;
            db.Complaints.Add(complaint);
            opened++;
        }
        if (opened > 0)
        {
            try
            {
                // One SaveChanges, one transaction: every new complaint or none.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Failed(L["Rating.Import.Concurrent"]);
            }
        }
        return new RatingImportResult(opened, bad.Count - opened, notBad, [], null);
    }

    public string Summary(RatingImportResult result) => L["Rating.Import.Done", result.Opened, result.AlreadyPresent, result.NotBad];

    /// <summary>The import template: the export's columns and two example rows (one 差评, one not).</summary>
    public static byte[] Template()
    {
        var rows = new List<Dictionary<string, object>>
        {
            Example("HP202611250001", "2026-11-25 10:32", "1", "张晓明", "2", "等了很久，工作人员不耐烦", "13855631234"),
            Example("HP202611250002", "2026-11-25 11:05", "2", "", "5", "办理很快，态度很好", ""),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    private static Dictionary<string, object> Example(params string[] values) =>
        Columns.Select((c, i) => (c, (object)values[i])).ToDictionary(p => p.c, p => p.Item2);

    /// <summary>A phone as the rating system gives it: digits, maybe masked (138****1234), maybe with a dash.</summary>
    private static bool IsPhone(string phone) => phone.Length <= ComplaintService.MaxPhone && Regex.IsMatch(phone, "^[0-9][0-9*\\- ]{4,}$");

    private static RatingImportResult Failed(string message) => new(0, 0, 0, [], message);
}
