using System.Data;
using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Hygiene;

/// <summary>A window's month, with its number and name.</summary>
public sealed record WindowScoreRow(int WindowId, int Number, string Name, HygieneScoreLine Line);

/// <summary>A person's month, with their name and employee number.</summary>
public sealed record StaffScoreRow(int StaffId, string Name, string EmployeeNo, HygieneScoreLine Line);

/// <summary>The month's hygiene scores (HY4); <see cref="IsCurrentMonth"/>: counted until today.</summary>
public sealed record HygieneScoreReport(int Year, int Month, bool IsCurrentMonth, DateOnly Today, IReadOnlyList<WindowScoreRow> Windows, IReadOnlyList<StaffScoreRow> Staff)
{
    public string Key => HygieneScoreService.Format(Year, Month);
}

/// <summary>The report, or why there is none (a malformed, too early or future month).</summary>
public sealed record HygieneScoreAnswer(HygieneScoreReport? Report, string? Error);

/// <summary>
/// 卫生考核得分 (HY2, HY4): per window and per staff member for a month, the inspections, their
/// average score and failed items, the rectifications done on time or late, and the pre-work
/// self-checks done or missed — computed by <see cref="HygieneScores"/> from the stored rounds — and
/// the month as an xlsx workbook for the assessment report. Reads only: the page and the export
/// endpoint are behind the Manage policy.
/// </summary>
public sealed class HygieneScoreService(
    IDbContextFactory<HallDbContext> contexts,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const string MonthFormat = "yyyy-MM";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The earliest month a report is made for.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static string Format(int year, int month) => new DateOnly(year, month, 1).ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads "2026-11" (exactly yyyy-MM).</summary>
    public static bool TryParseMonth(string? text, out DateOnly first) =>
        DateOnly.TryParseExact(text, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out first);

    public async Task<DateOnly> TodayAsync() => (await calendars.GetAsync()).LocalDate(time.GetUtcNow());

    /// <summary>The report for a month written yyyy-MM; a malformed one gets a message saying so.</summary>
    public Task<HygieneScoreAnswer> LoadAsync(string? text, CancellationToken cancellationToken = default) =>
        TryParseMonth(text, out var first)
            ? LoadAsync(first.Year, first.Month, cancellationToken)
            : Task.FromResult(new HygieneScoreAnswer(null, L["HygieneScore.BadMonth", text ?? ""].Value));

    /// <summary>The report for a month: this month (counted until today) or any past one; a future month is refused.</summary>
    public async Task<HygieneScoreAnswer> LoadAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        var first = new DateOnly(year, month, 1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (first > thisMonth)
        {
            return new HygieneScoreAnswer(null, L["HygieneScore.FutureMonth", Format(year, month), Format(today.Year, today.Month)].Value);
        }
        if (first < Earliest)
        {
            return new HygieneScoreAnswer(null, L["HygieneScore.TooEarly", Format(Earliest.Year, Earliest.Month)].Value);
        }

        var from = calendar.ToInstant(first, TimeOnly.MinValue);
        var to = calendar.ToInstant(first.AddMonths(1), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rectifications = await db.Rectifications.AsNoTracking()
            .Where(r => r.WindowId != null && r.RaisedAt >= from && r.RaisedAt < to)
            .Select(r => new { r.Id, r.RoundId, r.RaisedAt, r.DueOn, r.DoneAt })
            .ToListAsync(cancellationToken);
        var raisingRounds = rectifications.Select(r => r.RoundId).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.WindowId != null && (r.Kind == RoundKind.HygieneInspection || r.Kind == RoundKind.HygieneSelfCheck))
            .Where(r => (r.DueFrom >= from && r.DueFrom < to) || raisingRounds.Contains(r.Id))
            .Select(r => new { r.Id, r.Kind, r.WindowId, r.ResponsibleStaffId, r.DueFrom, r.State, r.Score, Failed = r.Checks.Count(c => c.Result == CheckResult.Fail
                && !r.Template!.Items.Any(i => i.Text == c.Text && i.Regulation != null && i.Regulation.StartsWith("IT"))) })
            .ToListAsync(cancellationToken);

        var scores = HygieneScores.Compute(year, month, today,
            rounds.Select(r => new HygieneRound(r.Id, r.Kind, r.WindowId, r.ResponsibleStaffId, calendar.LocalDate(r.DueFrom), r.State, r.Score, r.Failed)),
            rectifications.Select(r => new HygieneRectification(r.Id, r.RoundId, calendar.LocalDate(r.RaisedAt), r.DueOn,
                r.DoneAt is { } done ? calendar.LocalDate(done) : null)));

        // Every window in service and every A holder appear, with zeros when the month has nothing for them.
        var windows = await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Number, w.Name, w.IsActive }).ToListAsync(cancellationToken);
        var aHolders = await db.PostHolders.AsNoTracking().Where(h => h.Role == PostRole.A && h.Post!.Window!.IsActive)
            .Select(h => h.StaffMemberId).Distinct().ToListAsync(cancellationToken);
        var windowLines = scores.Windows.ToDictionary(l => l.Id);
        var staffLines = scores.Staff.ToDictionary(l => l.Id);
        var staffIds = staffLines.Keys.Concat(aHolders).Distinct().ToList();
        var people = await db.StaffMembers.AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);

        var windowRows = windows.Where(w => w.IsActive || windowLines.ContainsKey(w.Id)).OrderBy(w => w.Number)
            .Select(w => new WindowScoreRow(w.Id, w.Number, w.Name, windowLines.GetValueOrDefault(w.Id) ?? Empty(w.Id)))
            .ToList();
        var staffRows = people.OrderBy(p => p.EmployeeNo, StringComparer.Ordinal)
            .Select(p => new StaffScoreRow(p.Id, p.Name, p.EmployeeNo, staffLines.GetValueOrDefault(p.Id) ?? Empty(p.Id)))
            .ToList();
        return new HygieneScoreAnswer(new HygieneScoreReport(year, month, first == thisMonth, today, windowRows, staffRows), null);
    }

    /// <summary>The xlsx file name of a month: 卫生考核得分_2026-11.xlsx.</summary>
    public string FileName(HygieneScoreReport report) => L["HygieneScore.FileName", report.Key].Value;

    /// <summary>The month as a workbook: a sheet per window and a sheet per staff member, headers in the UI language.</summary>
    public byte[] Workbook(HygieneScoreReport report)
    {
        var windows = Table(L["HygieneScore.Col.WindowNumber"], L["HygieneScore.Col.WindowName"], typeof(int));
        foreach (var row in report.Windows)
        {
            windows.Rows.Add([row.Number, row.Name, .. Cells(row.Line)]);
        }
        var staff = Table(L["HygieneScore.Col.EmployeeNo"], L["HygieneScore.Col.StaffName"], typeof(string));
        foreach (var row in report.Staff)
        {
            staff.Rows.Add([row.EmployeeNo, row.Name, .. Cells(row.Line)]);
        }
        var sheets = new Dictionary<string, object>
        {
            [L["HygieneScore.SheetWindows"]] = windows,
            [L["HygieneScore.SheetStaff"]] = staff,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    private DataTable Table(string first, string second, Type firstType)
    {
        var table = new DataTable();
        table.Columns.Add(first, firstType);
        table.Columns.Add(second, typeof(string));
        table.Columns.Add(L["HygieneScore.Col.Inspections"], typeof(int));
        table.Columns.Add(L["HygieneScore.Col.AverageScore"], typeof(string));
        table.Columns.Add(L["HygieneScore.Col.FailedItems"], typeof(int));
        table.Columns.Add(L["HygieneScore.Col.OnTime"], typeof(int));
        table.Columns.Add(L["HygieneScore.Col.Late"], typeof(int));
        table.Columns.Add(L["HygieneScore.Col.Open"], typeof(int));
        table.Columns.Add(L["HygieneScore.Col.SelfChecksDone"], typeof(int));
        table.Columns.Add(L["HygieneScore.Col.SelfChecksMissed"], typeof(int));
        return table;
    }

    private static object[] Cells(HygieneScoreLine line) =>
    [
        line.Inspections, Average(line.AverageScore), line.FailedItems, line.RectificationsOnTime, line.RectificationsLate, line.RectificationsOpen,
        line.SelfChecksDone, line.SelfChecksMissed,
    ];

    /// <summary>An average as shown and exported: "92.5", or "—" when nothing was inspected.</summary>
    public static string Average(double? score) => score is { } value ? value.ToString("0.#", CultureInfo.InvariantCulture) : "—";

    private static HygieneScoreLine Empty(int id) => new(id, 0, null, 0, 0, 0, 0, 0, 0);
}
