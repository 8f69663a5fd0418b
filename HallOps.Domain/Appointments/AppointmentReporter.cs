using System.Text.Json;
using System.Text.Json.Serialization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Appointments;

/// <summary>
/// One appointment as the weekly report shows it (AP4.4): the requester's name masked, an organisation's
/// kept; the slot in hall time; the minutes served and credited as comp time (AP4.5).
/// </summary>
public sealed record AppointmentReportRow(
    long Id,
    string Number,
    int WindowNumber,
    string WindowName,
    string Matter,
    string Requester,
    DateTime Slot,
    int SlotMinutes,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AppointmentStatus>))] AppointmentStatus Status,
    string? ServingStaff,
    string? DeclineReason,
    string? DeclineApprovedBy,
    bool CheckedInLate,
    int MinutesServed,
    int CompMinutes);

/// <summary>The week's counts (AP4.4).</summary>
public sealed record AppointmentWeekFigures(
    int Requests, int Accepted, int Declined, int Done, int NoShows, int LateArrivals, int MinutesServed);

/// <summary>
/// 预约服务情况周报 (AP4.4: the window reports the week's appointment service to the government service
/// section at the end of each working week). A week runs Monday 00:00 to the next Monday 00:00, hall time.
/// What counts in a week:
/// <list type="bullet">
/// <item>requests — by <see cref="Appointment.RequestedAt"/> in the week;</item>
/// <item>accepted and declined — by <see cref="Appointment.RepliedAt"/> in the week (the reply is the act);</item>
/// <item>done, no-shows, late arrivals and minutes served — by <see cref="Appointment.SlotStart"/> in the week.</item>
/// </list>
/// The rows are every appointment any of these touch, once each, in slot order. One report is kept per
/// week (unique <see cref="AppointmentReport.WeekStart"/>): a second run refreshes it in place, and a run
/// racing another never fails — the loser reads the winner's row.
/// </summary>
public sealed class AppointmentReporter(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time)
{
    /// <summary>How far back a missed week is still made up (the job's catch-up).</summary>
    public const int CatchUpWeeks = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The Monday of the week a date falls in.</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// AP4.4 "at the end of each working week": the week's last working day per the calendar — an adjusted
    /// Saturday or Sunday workday counts, holidays do not; null for a week without a working day (no report).
    /// </summary>
    public static DateOnly? LastWorkingDay(DateOnly weekStart, WorkingCalendar calendar)
    {
        for (var day = weekStart.AddDays(6); day >= weekStart; day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>The week's report is due once the hall has closed on its last working day.</summary>
    public static bool IsDue(DateOnly weekStart, DateTimeOffset now, WorkingCalendar calendar) =>
        LastWorkingDay(weekStart, calendar) is { } last && now >= calendar.ClosingOf(last);

    /// <summary>
    /// The weeks the daily run writes at <paramref name="now"/> (AP4.4), oldest first: each of the last
    /// <see cref="CatchUpWeeks"/> weeks and this one whose last working day has closed and that has no
    /// report in <paramref name="kept"/>, and the week whose last working day is today again (refreshed,
    /// with the day's last figures). A week without a working day never.
    /// </summary>
    public static IReadOnlyList<DateOnly> WeeksToWrite(DateTimeOffset now, WorkingCalendar calendar, IReadOnlySet<DateOnly> kept)
    {
        var today = calendar.LocalDate(now);
        var thisWeek = WeekOf(today);
        var weeks = new List<DateOnly>();
        for (var week = thisWeek.AddDays(-7 * CatchUpWeeks); week <= thisWeek; week = week.AddDays(7))
        {
            if (IsDue(week, now, calendar) && (!kept.Contains(week) || LastWorkingDay(week, calendar) == today))
            {
                weeks.Add(week);
            }
        }
        return weeks;
    }

    /// <summary>The hall-time bounds of a week: [Monday 00:00, next Monday 00:00).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(DateOnly weekStart, TimeZoneInfo zone)
    {
        DateTimeOffset At(DateOnly date)
        {
            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        return (At(weekStart), At(weekStart.AddDays(7)));
    }

    /// <summary>The week's counts and rows from the appointments that touch it (pure).</summary>
    public static (AppointmentWeekFigures Figures, IReadOnlyList<AppointmentReportRow> Rows) Compute(
        DateOnly weekStart, TimeZoneInfo zone, IEnumerable<Appointment> appointments, IReadOnlyDictionary<int, (int Number, string Name)> windows)
    {
        var (from, to) = Bounds(weekStart, zone);
        bool In(DateTimeOffset? instant) => instant is { } at && at >= from && at < to;

        var touched = appointments.Where(a => In(a.RequestedAt) || In(a.RepliedAt) || In(a.SlotStart)).ToList();
        var slotted = touched.Where(a => In(a.SlotStart)).ToList();
        var replied = touched.Where(a => In(a.RepliedAt)).ToList();
        var figures = new AppointmentWeekFigures(
            Requests: touched.Count(a => In(a.RequestedAt)),
            Accepted: replied.Count(a => a.Status != AppointmentStatus.Declined),
            Declined: replied.Count(a => a.Status == AppointmentStatus.Declined),
            Done: slotted.Count(a => a.Status == AppointmentStatus.Done),
            NoShows: slotted.Count(a => a.Status == AppointmentStatus.NoShow),
            LateArrivals: slotted.Count(a => a.CheckedInLate),
            MinutesServed: slotted.Where(a => a.Status == AppointmentStatus.Done).Sum(MinutesServed));

        var rows = touched
            .OrderBy(a => a.SlotStart).ThenBy(a => a.Number, StringComparer.Ordinal)
            .Select(a =>
            {
                var window = windows.TryGetValue(a.WindowId, out var w) ? w : (0, "");
                var requester = a.RequesterKind == RequesterKind.Organisation && !string.IsNullOrWhiteSpace(a.OrganisationName)
                    ? a.OrganisationName!
                    : Masking.Name(a.RequesterName);
                return new AppointmentReportRow(
                    a.Id, a.Number, window.Item1, window.Item2, a.MatterName, requester,
                    TimeZoneInfo.ConvertTime(a.SlotStart, zone).DateTime, a.SlotMinutes, a.Status, a.ServingStaffName,
                    a.Status == AppointmentStatus.Declined ? a.DeclineReason : null,
                    a.Status == AppointmentStatus.Declined ? a.DeclineApprovedBy : null,
                    a.CheckedInLate,
                    a.Status == AppointmentStatus.Done ? MinutesServed(a) : 0,
                    a.CompMinutes);
            })
            .ToList();
        return (figures, rows);
    }

    /// <summary>The minutes between the recorded start and end of service (none recorded: none served).</summary>
    public static int MinutesServed(Appointment appointment) =>
        appointment is { ServedFrom: { } from, ServedTo: { } to } && to > from ? (int)Math.Round((to - from).TotalMinutes) : 0;

    public static IReadOnlyList<AppointmentReportRow> ReadRows(string json) =>
        JsonSerializer.Deserialize<List<AppointmentReportRow>>(string.IsNullOrWhiteSpace(json) ? "[]" : json, Json) ?? [];

    /// <summary>
    /// Makes or refreshes the week's one report on <paramref name="db"/> and returns it. A unique-index
    /// violation (another run made it first) is caught: the other run's report is refreshed instead.
    /// </summary>
    public static async Task<AppointmentReport> WriteAsync(
        HallDbContext db, DateOnly weekStart, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A report week starts on a Monday ({weekStart:yyyy-MM-dd} is a {weekStart.DayOfWeek}).", nameof(weekStart));
        }
        var (from, to) = Bounds(weekStart, zone);
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => (a.RequestedAt >= from && a.RequestedAt < to)
                || (a.RepliedAt != null && a.RepliedAt >= from && a.RepliedAt < to)
                || (a.SlotStart >= from && a.SlotStart < to))
            .ToListAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => (w.Number, w.Name), cancellationToken);
        var (figures, rows) = Compute(weekStart, zone, appointments, windows);

        for (var attempt = 1; ; attempt++)
        {
            var report = await db.AppointmentReports.SingleOrDefaultAsync(r => r.WeekStart == weekStart, cancellationToken);
            if (report is null)
            {
                report = new AppointmentReport { WeekStart = weekStart };
                db.AppointmentReports.Add(report);
            }
            report.GeneratedAt = now;
            report.Requests = figures.Requests;
            report.Accepted = figures.Accepted;
            report.Declined = figures.Declined;
            report.Done = figures.Done;
            report.NoShows = figures.NoShows;
            report.LateArrivals = figures.LateArrivals;
            report.MinutesServed = figures.MinutesServed;
            report.Rows = JsonSerializer.Serialize(rows, Json);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return report;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another run stored the week first (unique WeekStart): forget ours, refresh theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Makes or refreshes one week's report now.</summary>
    public async Task<AppointmentReport> GenerateAsync(DateOnly weekStart, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await WriteAsync(db, weekStart, calendar.Zone, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// The daily run after closing (AP4.4): the current week's report when today is its last working day
    /// and the hall has closed (refreshed if made earlier in the day), and any week of the last
    /// <see cref="CatchUpWeeks"/> whose last working day has closed without a report (a missed run).
    /// A week without a working day gets none. Returns the weeks written.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> RunAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var thisWeek = WeekOf(calendar.LocalDate(now));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earliest = thisWeek.AddDays(-7 * CatchUpWeeks);
        var kept = (await db.AppointmentReports.AsNoTracking()
            .Where(r => r.WeekStart >= earliest)
            .Select(r => r.WeekStart)
            .ToListAsync(cancellationToken)).ToHashSet();

        var written = new List<DateOnly>();
        foreach (var week in WeeksToWrite(now, calendar, kept))
        {
            await WriteAsync(db, week, calendar.Zone, now, cancellationToken);
            written.Add(week);
        }
        return written;
    }
}
