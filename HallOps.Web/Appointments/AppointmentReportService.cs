using System.Data;
using System.Globalization;
using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Appointments;

/// <summary>A kept weekly report as listed: its week, when it was made, its counts.</summary>
public sealed record AppointmentReportSummary(
    DateOnly WeekStart, DateTimeOffset GeneratedAt, int Requests, int Accepted, int Declined, int Done, int NoShows, int LateArrivals, int MinutesServed)
{
    public string Key => AppointmentReportService.Format(WeekStart);
}

/// <summary>A kept report with its rows, for the detail, the print and the workbook.</summary>
public sealed record AppointmentReportView(string HallName, AppointmentReportSummary Summary, IReadOnlyList<AppointmentReportRow> Rows)
{
    public DateOnly WeekStart => Summary.WeekStart;

    public DateOnly WeekEnd => Summary.WeekStart.AddDays(6);

    public IEnumerable<AppointmentReportRow> DeclinedRows => Rows.Where(r => r.Status == AppointmentStatus.Declined);
}

/// <summary>The report, or why there is none (a malformed week, or a week without a kept report).</summary>
public sealed record AppointmentReportAnswer(AppointmentReportView? Report, string? Error);

/// <summary>
/// 预约服务情况周报 (AP4.4) for the pages and the workbook: the kept weekly reports (made by
/// <see cref="AppointmentReporter"/>, daily after closing, or here on demand), one week's detail, and
/// the week as an xlsx workbook. Every call re-checks the Assessment policy (Manager, Office, Admin).
/// </summary>
public sealed class AppointmentReportService(
    IDbContextFactory<HallDbContext> contexts,
    AppointmentReporter reporter,
    CalendarSource calendars,
    TimeProvider time,
    HallAuthorizer authorizer,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const string WeekFormat = "yyyy-MM-dd";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Format(DateOnly date) => date.ToString(WeekFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads "2026-11-16" (exactly yyyy-MM-dd, a Monday).</summary>
    public static bool TryParseWeek(string? text, out DateOnly weekStart) =>
        DateOnly.TryParseExact(text, WeekFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out weekStart)
        && weekStart.DayOfWeek == DayOfWeek.Monday;

    /// <summary>The kept reports, newest week first.</summary>
    public async Task<IReadOnlyList<AppointmentReportSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reports = await db.AppointmentReports.AsNoTracking().OrderByDescending(r => r.WeekStart).ToListAsync(cancellationToken);
        return reports.Select(Summary).ToList();
    }

    /// <summary>The Monday of this week, hall time.</summary>
    public async Task<DateOnly> ThisWeekAsync()
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        var calendar = await calendars.GetAsync();
        return AppointmentReporter.WeekOf(calendar.LocalDate(time.GetUtcNow()));
    }

    /// <summary>Makes or refreshes this week's report now (counted until now), re-checking the role.</summary>
    public async Task<DateOnly> GenerateThisWeekAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        var week = await ThisWeekAsync();
        await reporter.GenerateAsync(week, cancellationToken);
        return week;
    }

    /// <summary>A kept week's report, the week written yyyy-MM-dd (its Monday); otherwise a message saying why there is none.</summary>
    public async Task<AppointmentReportAnswer> LoadAsync(string? text, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        if (!TryParseWeek(text, out var week))
        {
            return new AppointmentReportAnswer(null, L["AppointmentReport.BadWeek", text ?? ""].Value);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.AppointmentReports.AsNoTracking().SingleOrDefaultAsync(r => r.WeekStart == week, cancellationToken);
        return report is null
            ? new AppointmentReportAnswer(null, L["AppointmentReport.NoReport", Format(week)].Value)
            : new AppointmentReportAnswer(new AppointmentReportView(options.Value.Name, Summary(report), AppointmentReporter.ReadRows(report.Rows)), null);
    }

    /// <summary>The hall's word for a status.</summary>
    public string Status(AppointmentStatus status) => L[$"Appointment.Status.{status}"];

    /// <summary>"2026-11-18 18:00–19:00": a row's slot as shown.</summary>
    public static string Slot(AppointmentReportRow row) =>
        row.Slot.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "–" + row.Slot.AddMinutes(row.SlotMinutes).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The workbook's file name: 预约服务周报_2026-11-16.xlsx.</summary>
    public string FileName(AppointmentReportView report) => L["AppointmentReport.FileName", Format(report.WeekStart)].Value;

    /// <summary>The week as a workbook: a sheet of the counts, one of the rows; headers in the UI language.</summary>
    public async Task<byte[]> WorkbookAsync(AppointmentReportView report)
    {
        await authorizer.EnsureAsync(HallPolicies.Assessment);
        var counts = new DataTable();
        counts.Columns.Add(L["AppointmentReport.Col.Item"], typeof(string));
        counts.Columns.Add(L["AppointmentReport.Col.Value"], typeof(string));
        var s = report.Summary;
        counts.Rows.Add(L["AppointmentReport.Week"].Value, $"{Format(report.WeekStart)} – {Format(report.WeekEnd)}");
        foreach (var (key, value) in Counts(s))
        {
            counts.Rows.Add(L[key].Value, value.ToString(CultureInfo.InvariantCulture));
        }
        counts.Rows.Add(L["AppointmentReport.GeneratedAt"].Value, Local(s.GeneratedAt));

        var rows = new DataTable();
        foreach (var column in Columns)
        {
            rows.Columns.Add(L[$"AppointmentReport.Col.{column}"], column is "MinutesServed" or "CompMinutes" ? typeof(int) : typeof(string));
        }
        foreach (var row in report.Rows)
        {
            rows.Rows.Add(
                row.Number, L["Wall.WindowShort", row.WindowNumber].Value + " " + row.WindowName, row.Matter, row.Requester, Slot(row), Status(row.Status),
                row.ServingStaff ?? "", row.DeclineReason ?? "", row.DeclineApprovedBy ?? "",
                row.CheckedInLate ? L["AppointmentReport.Late"].Value : "", row.MinutesServed, row.CompMinutes);
        }
        var sheets = new Dictionary<string, object>
        {
            [L["AppointmentReport.SheetCounts"]] = counts,
            [L["AppointmentReport.SheetRows"]] = rows,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    /// <summary>The rows' columns, in order (resx AppointmentReport.Col.*).</summary>
    public static readonly string[] Columns =
    [
        "Number", "Window", "Matter", "Requester", "Slot", "Status", "ServingStaff", "DeclineReason", "DeclineApprovedBy", "CheckedInLate",
        "MinutesServed", "CompMinutes",
    ];

    /// <summary>The counts with their resource keys, in the order shown.</summary>
    public static IReadOnlyList<(string Key, int Value)> Counts(AppointmentReportSummary s) =>
    [
        ("AppointmentReport.Requests", s.Requests), ("AppointmentReport.Accepted", s.Accepted), ("AppointmentReport.Declined", s.Declined),
        ("AppointmentReport.Done", s.Done), ("AppointmentReport.NoShows", s.NoShows), ("AppointmentReport.LateArrivals", s.LateArrivals),
        ("AppointmentReport.MinutesServed", s.MinutesServed),
    ];

    /// <summary>An instant as hall time, "2026-11-20 18:00".</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, options.Value.Zone()).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static AppointmentReportSummary Summary(AppointmentReport r) =>
        new(r.WeekStart, r.GeneratedAt, r.Requests, r.Accepted, r.Declined, r.Done, r.NoShows, r.LateArrivals, r.MinutesServed);
}
