using System.Data;
using System.Globalization;
using HallOps.Domain.Accountability;
using HallOps.Domain.Assessment;
using HallOps.Domain.Calendar;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Web.Hygiene;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Assessment;

/// <summary>A window's line: its number and name, and its figures with its rank.</summary>
public sealed record AssessmentWindowLine(int WindowId, int Number, string Name, AssessmentRow Row);

/// <summary>A person's line: name, employee number, the posts held (window number, A or B), the figures with the rank.</summary>
public sealed record AssessmentStaffLine(int StaffId, string Name, string EmployeeNo, IReadOnlyList<(int WindowNumber, PostRole Role)> Posts, AssessmentRow Row);

/// <summary>One month of the trend: the hall's line (the windows' figures summed).</summary>
public sealed record AssessmentTrendPoint(int Year, int Month, AssessmentRow Hall)
{
    public string Key => AssessmentService.Format(Year, Month);
}

/// <summary>
/// 月度考核 of a month: per window and per staff member, ranked, with the hall's line and the trend
/// of the months before. <see cref="IsCurrentMonth"/>: counted until <see cref="Today"/>.
/// </summary>
public sealed record AssessmentReport(
    string HallName,
    int Year,
    int Month,
    bool IsCurrentMonth,
    DateOnly Today,
    IReadOnlyList<AssessmentWindowLine> Windows,
    AssessmentRow WindowTotal,
    IReadOnlyList<AssessmentStaffLine> Staff,
    IReadOnlyList<AssessmentTrendPoint> Trend)
{
    public string Key => AssessmentService.Format(Year, Month);
}

/// <summary>The report, or why there is none (a malformed, too early or future month).</summary>
public sealed record AssessmentAnswer(AssessmentReport? Report, string? Error);

/// <summary>
/// 月度考核 (TL5, AB4, OT2, HY4, FQ, AC5, AC1–AC4): the month's figures per window and per staff
/// member for the county efficiency office and assessment office — read by <see cref="AssessmentQueries"/>,
/// the hygiene average as the hygiene score page computes it (<see cref="HygieneScoreService"/>), combined
/// and ranked by <see cref="AssessmentFigures"/> — with the six months before as a trend, and the month
/// as an xlsx workbook. Month boundaries are the hall's local midnights. Every call re-checks the
/// Assessment policy (Manager, Office, Admin) on the server.
/// </summary>
public sealed class AssessmentService(
    IDbContextFactory<HallDbContext> contexts,
    CalendarSource calendars,
    TimeProvider time,
    HallAuthorizer authorizer,
    HygieneScoreService hygiene,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const string MonthFormat = "yyyy-MM";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Months in the trend, the report's own included.</summary>
    public const int TrendMonths = 7;

    /// <summary>The earliest month a report is made for.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static string Format(int year, int month) => new DateOnly(year, month, 1).ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads "2026-11" (exactly yyyy-MM).</summary>
    public static bool TryParseMonth(string? text, out DateOnly first) =>
        DateOnly.TryParseExact(text, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out first);

    /// <summary>This month's first day, in the hall's time zone.</summary>
    public async Task<DateOnly> ThisMonthAsync()
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        var today = (await calendars.GetAsync()).LocalDate(time.GetUtcNow());
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>The report for a month written yyyy-MM (null or empty: this month); a malformed one gets a message saying so.</summary>
    public async Task<AssessmentAnswer> LoadAsync(string? text, bool withTrend = true, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        if (string.IsNullOrWhiteSpace(text))
        {
            var month = await ThisMonthAsync();
            return await LoadAsync(month.Year, month.Month, withTrend, cancellationToken);
        }
        return TryParseMonth(text, out var first)
            ? await LoadAsync(first.Year, first.Month, withTrend, cancellationToken)
            : new AssessmentAnswer(null, L["Assessment.BadMonth", text].Value);
    }

    /// <summary>The report for a month: this month (counted until now) or any past one; a future month is refused.</summary>
    public async Task<AssessmentAnswer> LoadAsync(int year, int month, bool withTrend = true, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        var first = new DateOnly(year, month, 1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (first > thisMonth)
        {
            return new AssessmentAnswer(null, L["Assessment.FutureMonth", Format(year, month), Format(today.Year, today.Month)].Value);
        }
        if (first < Earliest)
        {
            return new AssessmentAnswer(null, L["Assessment.TooEarly", Format(Earliest.Year, Earliest.Month)].Value);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subjects = await AssessmentQueries.SubjectsAsync(db, cancellationToken);
        var (windows, staff, windowTotal) = await MonthAsync(db, calendar, subjects, first, now, cancellationToken);

        var trend = new List<AssessmentTrendPoint>();
        if (withTrend)
        {
            foreach (var earlier in AssessmentFigures.MonthsUpTo(first, TrendMonths).Where(m => m < first && m >= Earliest))
            {
                var (_, _, hall) = await MonthAsync(db, calendar, subjects, earlier, now, cancellationToken);
                trend.Add(new AssessmentTrendPoint(earlier.Year, earlier.Month, hall));
            }
        }
        trend.Add(new AssessmentTrendPoint(year, month, windowTotal));

        return new AssessmentAnswer(new AssessmentReport(
            options.Value.Name, year, month, first == thisMonth, today, windows, windowTotal, staff, trend), null);
    }

    /// <summary>
    /// One month's ranked lines — windows in service (and any other with figures), people holding posts
    /// (and any other with figures) — and the hall's line: everything counted once, a case or complaint
    /// without a window included; its hygiene score is the average of the windows' (not ranked).
    /// </summary>
    private async Task<(List<AssessmentWindowLine> Windows, List<AssessmentStaffLine> Staff, AssessmentRow Hall)> MonthAsync(
        HallDbContext db, WorkingCalendar calendar, AssessmentSubjects subjects, DateOnly first, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var span = await AssessmentQueries.SpanAsync(db, calendar, subjects, first, first.AddMonths(1), now, cancellationToken);
        var scores = (await hygiene.LoadAsync(first.Year, first.Month, cancellationToken)).Report;
        var windowRaw = span.Windows with
        {
            HygieneScore = scores?.Windows.ToDictionary(r => r.WindowId, r => r.Line.AverageScore) ?? new Dictionary<int, double?>(),
        };
        var staffRaw = span.Staff with
        {
            HygieneScore = scores?.Staff.ToDictionary(r => r.StaffId, r => r.Line.AverageScore) ?? new Dictionary<int, double?>(),
        };

        var windowIds = subjects.Windows.Where(w => w.IsActive || HasFigures(windowRaw, w.Id)).Select(w => w.Id).ToList();
        var byWindow = subjects.Windows.ToDictionary(w => w.Id);
        var windows = AssessmentFigures.Rows(windowIds, windowRaw)
            .Select(r => new AssessmentWindowLine(r.Id, byWindow[r.Id].Number, byWindow[r.Id].Name, r)).ToList();

        var staffIds = subjects.People.Where(p => p.Posts.Count > 0 || HasFigures(staffRaw, p.Id)).Select(p => p.Id).ToList();
        var byPerson = subjects.People.ToDictionary(p => p.Id);
        var staff = AssessmentFigures.Rows(staffIds, staffRaw)
            .Select(r => new AssessmentStaffLine(r.Id, byPerson[r.Id].Name, byPerson[r.Id].EmployeeNo, byPerson[r.Id].Posts, r)).ToList();
        var hygieneScores = windows.Select(w => w.Row.HygieneScore).OfType<double>().ToList();
        var hallRaw = span.Hall with
        {
            HygieneScore = new Dictionary<int, double?>
            {
                [AssessmentSpan.HallId] = hygieneScores.Count == 0 ? null : Math.Round(hygieneScores.Average(), 1, MidpointRounding.AwayFromZero),
            },
        };
        var hall = AssessmentFigures.Rows([AssessmentSpan.HallId], hallRaw)[0] with { Rank = 0 };
        return (windows, staff, hall);
    }

    private static bool HasFigures(AssessmentRaw raw, int id) =>
        new[]
        {
            raw.Accepted, raw.Completed, raw.Overdue, raw.NoticeBreaches, raw.GapMinutes, raw.BCoverMinutes, raw.Exceptions,
            raw.Inquiries, raw.Complaints, raw.Derelictions, raw.ItFindings,
        }.Any(map => map.ContainsKey(id)) || raw.HygieneScore.GetValueOrDefault(id) is not null;

    /// <summary>"—" or "98.6%": the on-time rate as shown, printed and exported.</summary>
    public static string Rate(double? rate) => rate is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>"—" or "92.5": the hygiene score as shown.</summary>
    public static string Score(double? score) => HygieneScoreService.Average(score);

    /// <summary>The sanctions in the hall's words, joined: 通报批评、效能告诫 (empty when none).</summary>
    public string Sanctions(DerelictionSanctions sanctions) =>
        string.Join(L["Assessment.SanctionSeparator"], AssessmentFigures.Each(sanctions).Select(s => L[$"Assessment.Sanction.{s}"].Value));

    /// <summary>A person's posts as shown: "1 A · 3 B".</summary>
    public string Posts(IReadOnlyList<(int WindowNumber, PostRole Role)> posts) =>
        string.Join(" · ", posts.Select(p => L["Assessment.PostOf", p.WindowNumber, p.Role.ToString()].Value));

    /// <summary>The xlsx file name of a month: 月度考核_2026-11.xlsx.</summary>
    public string FileName(AssessmentReport report) => L["Assessment.FileName", report.Key].Value;

    /// <summary>The month as a workbook: a sheet per window, one per staff member, one of the trend; headers in the UI language.</summary>
    public async Task<byte[]> WorkbookAsync(AssessmentReport report)
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        var windows = Table(L["Assessment.Col.WindowNumber"], typeof(int), L["Assessment.Col.WindowName"]);
        foreach (var line in report.Windows)
        {
            windows.Rows.Add([line.Row.Rank, line.Number, line.Name, .. Cells(line.Row)]);
        }
        windows.Rows.Add([DBNull.Value, DBNull.Value, L["Assessment.HallLine"].Value, .. Cells(report.WindowTotal)]);
        var staff = Table(L["Assessment.Col.EmployeeNo"], typeof(string), L["Assessment.Col.StaffName"]);
        foreach (var line in report.Staff)
        {
            staff.Rows.Add([line.Row.Rank, line.EmployeeNo, line.Name, .. Cells(line.Row)]);
        }
        var trend = new DataTable();
        trend.Columns.Add(L["Assessment.Col.Month"], typeof(string));
        trend.Columns.Add(L["Assessment.Col.Accepted"], typeof(int));
        trend.Columns.Add(L["Assessment.Col.Completed"], typeof(int));
        trend.Columns.Add(L["Assessment.Col.OnTimeRate"], typeof(string));
        trend.Columns.Add(L["Assessment.Col.Overdue"], typeof(int));
        trend.Columns.Add(L["Assessment.Col.GapMinutes"], typeof(int));
        trend.Columns.Add(L["Assessment.Col.Derelictions"], typeof(int));
        foreach (var point in report.Trend)
        {
            trend.Rows.Add(point.Key, point.Hall.Accepted, point.Hall.Completed, Rate(point.Hall.OnTimeRate), point.Hall.Overdue, point.Hall.GapMinutes, point.Hall.Derelictions);
        }
        var sheets = new Dictionary<string, object>
        {
            [L["Assessment.SheetWindows"]] = windows,
            [L["Assessment.SheetStaff"]] = staff,
            [L["Assessment.SheetTrend"]] = trend,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    private DataTable Table(string key, Type keyType, string name)
    {
        var table = new DataTable();
        table.Columns.Add(L["Assessment.Col.Rank"], typeof(int));
        table.Columns.Add(key, keyType);
        table.Columns.Add(name, typeof(string));
        foreach (var column in new[]
        {
            "Accepted", "Completed", "OnTime", "OnTimeRate", "Overdue", "NoticeBreaches", "GapMinutes", "BCoverMinutes", "Hygiene",
            "Exceptions", "ItFindings", "Inquiries", "Complaints", "Upheld", "Derelictions", "Sanctions",
        })
        {
            table.Columns.Add(L[$"Assessment.Col.{column}"], column is "OnTimeRate" or "Hygiene" or "Sanctions" ? typeof(string) : typeof(int));
        }
        return table;
    }

    private object[] Cells(AssessmentRow row) =>
    [
        row.Accepted, row.Completed, row.CompletedOnTime, Rate(row.OnTimeRate), row.Overdue, row.NoticeBreaches, row.GapMinutes, row.BCoverMinutes,
        Score(row.HygieneScore), row.Exceptions, row.ItFindings, row.Inquiries, row.Complaints, row.ComplaintsUpheld, row.Derelictions, Sanctions(row.Sanctions),
    ];
}
