using System.Data;
using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Reports;

/// <summary>A stretch of a window's day, in hall time, with the name of who covered it.</summary>
public sealed record CoverageSegment(DateTimeOffset From, DateTimeOffset To, CoverageState State, string? Who)
{
    public int Minutes => (int)Math.Round((To - From).TotalMinutes, MidpointRounding.AwayFromZero);
}

/// <summary>One window's line of the day: its A holder, the minutes by A, by B and of gap, and its timeline.</summary>
public sealed record CoverageWindowRow(
    int WindowId, int Number, string Name, string? AHolder, int AMinutes, int BMinutes, int GapMinutes, IReadOnlyList<CoverageSegment> Timeline);

public sealed record CoverageTotals(int Windows, int AMinutes, int BMinutes, int GapMinutes, int WindowsWithGap);

/// <summary>A coverage alert (gap or take-over) with its life: raised, acknowledged by whom, escalated, resolved.</summary>
public sealed record CoverageAlertRow(
    long Id, string Kind, AlertSeverity Severity, int? WindowNumber, string? WindowName,
    DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? EscalatedAt, DateTimeOffset? ResolvedAt, bool IsOpen);

/// <summary>
/// 今日在岗情况 for one hall-local date. Times are in the hall's zone. <see cref="CountedUntil"/> is
/// now for today (the rest of the day has not happened) and the end of the span for a past date.
/// </summary>
public sealed record CoverageDayReport(
    DateOnly Date,
    bool IsToday,
    bool IsWorkingDay,
    CalendarDay? CalendarDay,
    DateTimeOffset SpanFrom,
    DateTimeOffset SpanTo,
    DateTimeOffset CountedUntil,
    IReadOnlyList<CoverageWindowRow> Windows,
    CoverageTotals Totals,
    IReadOnlyList<CoverageAlertRow> Unresolved,
    IReadOnlyList<CoverageAlertRow> DayAlerts);

/// <summary>The report, or why there is none (a malformed or future date).</summary>
public sealed record CoverageDayAnswer(CoverageDayReport? Report, string? Error)
{
    public bool Succeeded => Report is not null;
}

/// <summary>
/// The manager's coverage day (AB4, SC2.2): per window the minutes covered by A, by B (顶岗) and of
/// gap (空岗) on a date, replayed from the stored presence changes through the coverage rule
/// (<see cref="CoverageDay"/>), the alerts of the day and those still unresolved, and the day as an
/// xlsx workbook. Reads only: the page is behind the Manage policy, the export endpoint too.
/// </summary>
public sealed class CoverageReportService(
    IDbContextFactory<HallDbContext> contexts,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>The earliest date a report is made for (the hall kept no presence before).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public const string DateFormat = "yyyy-MM-dd";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Kinds = [AlertKinds.CoverageGap, AlertKinds.TakeOver];

    /// <summary>Today in the hall's time zone.</summary>
    public async Task<DateOnly> TodayAsync() => (await calendars.GetAsync()).LocalDate(time.GetUtcNow());

    /// <summary>Reads "2026-11-25" (exactly yyyy-MM-dd).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The report for a date written as yyyy-MM-dd; a malformed one gets a message saying so.</summary>
    public Task<CoverageDayAnswer> LoadAsync(string? text, CancellationToken cancellationToken = default) =>
        TryParseDate(text, out var date)
            ? LoadAsync(date, cancellationToken)
            : Task.FromResult(new CoverageDayAnswer(null, L["CoverageDay.BadDate", text ?? ""].Value));

    /// <summary>The report for a hall-local date: today (counted until now) or any past date; a future date is refused.</summary>
    public async Task<CoverageDayAnswer> LoadAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        if (date > today)
        {
            return new CoverageDayAnswer(null, L["CoverageDay.FutureDate", Format(date), Format(today)].Value);
        }
        if (date < Earliest)
        {
            return new CoverageDayAnswer(null, L["CoverageDay.TooEarly", Format(Earliest)].Value);
        }

        var dayStart = calendar.ToInstant(date, TimeOnly.MinValue);
        var dayEnd = calendar.ToInstant(date.AddDays(1), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var windows = await db.Windows.AsNoTracking()
            .OrderBy(w => w.Number)
            .Select(w => new
            {
                w.Id, w.Number, w.Name, w.IsActive,
                Posts = w.Posts.OrderBy(p => p.Id).Select(p => new
                {
                    p.Id,
                    Holders = p.Holders.OrderBy(h => h.Id).Select(h => new { h.StaffMemberId, h.Role, h.StaffMember!.Name }).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var active = windows.Where(w => w.IsActive).ToList();
        var names = windows.SelectMany(w => w.Posts).SelectMany(p => p.Holders)
            .DistinctBy(h => h.StaffMemberId).ToDictionary(h => h.StaffMemberId, h => h.Name);

        var history = await CoverageHistory.DayAsync(db, dayStart, dayEnd, cancellationToken);
        var posts = active.SelectMany(w => w.Posts.Select(p =>
            new HeldPost(p.Id, w.Id, p.Holders.Select(h => new HolderRole(h.StaffMemberId, h.Role)).ToList()))).ToList();
        var isToday = date == today;
        var day = CoverageDay.Compute(date, posts, history, calendar, isToday ? now : null);
        var byWindow = day.Windows.ToDictionary(w => w.WindowId);

        DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, calendar.Zone);
        var rows = active.Select(w =>
        {
            var coverage = byWindow.GetValueOrDefault(w.Id);
            var a = w.Posts.SelectMany(p => p.Holders).FirstOrDefault(h => h.Role == PostRole.A);
            var timeline = (coverage?.Intervals ?? []).Select(i => new CoverageSegment(
                Local(i.From), Local(i.To), i.State,
                i.CoveringStaffId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
            return new CoverageWindowRow(w.Id, w.Number, w.Name, a?.Name,
                coverage?.AMinutes ?? 0, coverage?.BMinutes ?? 0, coverage?.GapMinutes ?? 0, timeline);
        }).ToList();

        var windowNames = windows.ToDictionary(w => w.Id, w => (w.Number, w.Name));
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => Kinds.Contains(a.Kind))
            .Where(a => a.IsOpen || (a.RaisedAt < dayEnd && (a.ResolvedAt == null || a.ResolvedAt >= dayStart)))
            .ToListAsync(cancellationToken);
        var alertRows = alerts
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Select(a =>
            {
                var known = a.WindowId is { } id && windowNames.ContainsKey(id);
                var window = known ? windowNames[a.WindowId!.Value] : default;
                return new CoverageAlertRow(a.Id, a.Kind, a.Severity, known ? window.Number : null, known ? window.Name : null,
                    Local(a.RaisedAt), a.AcknowledgedAt is { } ack ? Local(ack) : null, a.AcknowledgedBy,
                    a.EscalatedAt is { } esc ? Local(esc) : null, a.ResolvedAt is { } res ? Local(res) : null, a.IsOpen);
            })
            .ToList();
        var ofTheDay = alertRows.Where(a => a.RaisedAt < dayEnd && (a.ResolvedAt is null || a.ResolvedAt >= dayStart)).ToList();

        return new CoverageDayAnswer(new CoverageDayReport(
            date, isToday, day.IsWorkingDay, calendar.Describe(date),
            Local(day.SpanFrom), Local(day.SpanTo), Local(day.CountedUntil),
            rows,
            new CoverageTotals(rows.Count, rows.Sum(r => r.AMinutes), rows.Sum(r => r.BMinutes), rows.Sum(r => r.GapMinutes), rows.Count(r => r.GapMinutes > 0)),
            alertRows.Where(a => a.IsOpen).ToList(),
            ofTheDay), null);
    }

    /// <summary>The xlsx file name of a date: 在岗情况_2026-11-25.xlsx.</summary>
    public string FileName(DateOnly date) => L["CoverageDay.FileName", Format(date)].Value;

    /// <summary>
    /// The day as a workbook: one sheet of per-window totals (with a total line) and one of every
    /// timeline interval, with the headers in the UI language.
    /// </summary>
    public byte[] Workbook(CoverageDayReport report)
    {
        var totals = new DataTable();
        totals.Columns.Add(L["CoverageDay.Col.WindowNumber"], typeof(int));
        totals.Columns.Add(L["CoverageDay.Col.WindowName"], typeof(string));
        totals.Columns.Add(L["CoverageDay.Col.AHolder"], typeof(string));
        totals.Columns.Add(L["CoverageDay.Col.AMinutes"], typeof(int));
        totals.Columns.Add(L["CoverageDay.Col.BMinutes"], typeof(int));
        totals.Columns.Add(L["CoverageDay.Col.GapMinutes"], typeof(int));
        foreach (var row in report.Windows)
        {
            totals.Rows.Add(row.Number, row.Name, row.AHolder ?? "", row.AMinutes, row.BMinutes, row.GapMinutes);
        }
        totals.Rows.Add(DBNull.Value, L["CoverageDay.Total"].Value, "", report.Totals.AMinutes, report.Totals.BMinutes, report.Totals.GapMinutes);

        var timeline = new DataTable();
        timeline.Columns.Add(L["CoverageDay.Col.WindowNumber"], typeof(int));
        timeline.Columns.Add(L["CoverageDay.Col.WindowName"], typeof(string));
        timeline.Columns.Add(L["CoverageDay.Col.From"], typeof(string));
        timeline.Columns.Add(L["CoverageDay.Col.To"], typeof(string));
        timeline.Columns.Add(L["CoverageDay.Col.State"], typeof(string));
        timeline.Columns.Add(L["CoverageDay.Col.Who"], typeof(string));
        timeline.Columns.Add(L["CoverageDay.Col.Minutes"], typeof(int));
        foreach (var row in report.Windows)
        {
            foreach (var segment in row.Timeline)
            {
                timeline.Rows.Add(row.Number, row.Name, segment.From.ToString("HH:mm", CultureInfo.InvariantCulture),
                    segment.To.ToString("HH:mm", CultureInfo.InvariantCulture), StateName(segment.State), segment.Who ?? "", segment.Minutes);
            }
        }

        var sheets = new Dictionary<string, object>
        {
            [L["CoverageDay.SheetTotals"]] = totals,
            [L["CoverageDay.SheetTimeline"]] = timeline,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    /// <summary>A state as the hall says it: A岗在岗, B岗顶岗, 空岗, 非办公时间.</summary>
    public string StateName(CoverageState state) => L[$"CoverageDay.State.{state}"];

    private static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
