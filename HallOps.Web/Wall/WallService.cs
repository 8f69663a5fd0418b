using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Hall;
using HallOps.Domain.Coverage;
using HallOps.Domain.Jobs;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Wall;

/// <summary>Reads what the wall screen shows, on its own short-lived context: windows, coverage, alerts, today's figures.</summary>
public sealed class WallService(
    IDbContextFactory<HallDbContext> contexts,
    CoverageMonitor coverage,
    CalendarSource calendars,
    TimeProvider time,
    IOptions<HallOptions> options)
{
    private const int AlertLines = 12;

    /// <summary>Case lines on the panel; the rest are counted as "+ N more".</summary>
    public const int CaseLines = 8;

    public async Task<WallSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync();
        var state = await coverage.SnapshotAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var floors = await db.Floors.AsNoTracking().OrderBy(f => f.Level).ToListAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking()
            .OrderBy(w => w.Number)
            .Select(w => new
            {
                w.Id, w.Number, w.Name, w.FloorId, HomeUnit = w.HomeUnit!.Name, w.IsActive,
                Posts = w.Posts.OrderBy(p => p.Id).Select(p => new
                {
                    p.Id,
                    Holders = p.Holders.OrderBy(h => h.Id).Select(h => new { h.StaffMemberId, h.Role, h.StaffMember!.Name, h.StaffMember.EmployeeNo }).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.IsOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        var names = windows.SelectMany(w => w.Posts).SelectMany(p => p.Holders).DistinctBy(h => h.StaffMemberId).ToDictionary(h => h.StaffMemberId, h => (h.Name, h.EmployeeNo));
        var byPost = state.Coverage.ToDictionary(c => c.PostId);
        var gapAlerts = alerts.Where(a => a.Kind == AlertKinds.CoverageGap && a.WindowId is not null).ToLookup(a => a.WindowId!.Value);

        var cards = windows.Select(w =>
        {
            var posts = w.Posts.Select(p => byPost.GetValueOrDefault(p.Id)).OfType<PostCoverage>().ToList();
            var windowState = w.IsActive ? CoverageRules.WindowState(posts) : CoverageState.Closed;
            var a = w.Posts.SelectMany(p => p.Holders).FirstOrDefault(h => h.Role == PostRole.A);
            var covering = posts.Where(p => p.State == CoverageState.ByB && p.CoveringStaffId is not null)
                .Select(p => names.TryGetValue(p.CoveringStaffId!.Value, out var b) ? b : default((string Name, string EmployeeNo)?))
                .FirstOrDefault(b => b is not null);
            var gap = gapAlerts[w.Id].FirstOrDefault();
            return new WallWindowCard(
                w.Id, w.Number, w.Name, w.FloorId, w.HomeUnit, w.IsActive,
                a?.Name, a?.EmployeeNo,
                string.Join("、", w.Posts.SelectMany(p => p.Holders).Where(h => h.Role == PostRole.B).Select(h => h.Name).Distinct()),
                w.Posts.Count == 0 || w.Posts.Any(p => p.Holders.All(h => h.Role != PostRole.B)),
                windowState,
                covering?.Name,
                covering?.EmployeeNo,
                gap is null ? null : new WallCardAlert(gap.AcknowledgedAt is not null, gap.AcknowledgedBy, gap.EscalatedAt is not null));
        }).ToList();

        var windowNames = windows.ToDictionary(w => w.Id, w => (w.Number, w.Name));
        var shownAlerts = alerts.Take(AlertLines).ToList();
        var caseNumbers = await CaseNumbersAsync(db, shownAlerts, cancellationToken);
        var wallAlerts = shownAlerts.Select(a => new WallAlert(
            a.Id, a.Kind, a.Severity,
            a.WindowId is { } id && windowNames.TryGetValue(id, out var wn) ? wn.Number : null,
            a.WindowId is { } id2 && windowNames.TryGetValue(id2, out var wn2) ? wn2.Name : null,
            a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.EscalatedAt is not null)
        {
            CaseNumber = caseNumbers.GetValueOrDefault(a.Subject),
        }).ToList();
        var (cases, caseCounts) = await CasesAsync(db, calendar, now, cancellationToken);

        var predictedPosts = await PredictedGapsAsync(db, state, calendar, now, cancellationToken);
        var predicted = predictedPosts.Select(g => windowNames.TryGetValue(g.WindowId, out var pw) ? pw.Number : 0)
            .Where(n => n > 0).Distinct().Order().ToList();
        var byFloor = cards.ToLookup(c => c.FloorId);
        var perFloor = floors.Select(f => byFloor[f.Id].Count()).DefaultIfEmpty(0).Max();
        return new WallSnapshot(
            floors.Select(f => new WallFloor(f.Id, f.Level, f.Name, byFloor[f.Id].Select(c => c.Id).ToList())).ToList(),
            cards.ToDictionary(c => c.Id),
            await LoadJobsAsync(db, now, cancellationToken),
            wallAlerts,
            new WallCounts(
                cards.Count(c => c.IsActive),
                cards.Count,
                cards.Count(c => c.State == CoverageState.ByB),
                cards.Count(c => c.State == CoverageState.Gap),
                await GapMinutesTodayAsync(db, windows.Where(w => w.IsActive).SelectMany(w => w.Posts.Select(p => new HeldPost(
                    p.Id, w.Id, p.Holders.Select(h => new HolderRole(h.StaffMemberId, h.Role)).ToList()))), calendar, now, cancellationToken),
                cards.Count(c => c.IsActive && c.MissingBackup),
                predicted.Count,
                alerts.Count),
            state.Open,
            Columns(perFloor))
        {
            PredictedGapWindows = predicted,
            Cases = cases,
            CaseCounts = caseCounts,
        };
    }

    /// <summary>The case numbers of the case alerts among <paramref name="alerts"/>, by subject.</summary>
    private static async Task<Dictionary<string, string>> CaseNumbersAsync(HallDbContext db, IEnumerable<Alert> alerts, CancellationToken cancellationToken)
    {
        var ids = alerts
            .Select(a => a.Subject.StartsWith(HallSubjects.CasePrefix, StringComparison.Ordinal)
                && long.TryParse(a.Subject.AsSpan(HallSubjects.CasePrefix.Length), out var id) ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => HallSubjects.Case(c.Id), c => c.Number, cancellationToken);
    }

    /// <summary>
    /// TL5 on the wall: the red cases, then the yellow ones by due time (at most <see cref="CaseLines"/>),
    /// the counts of each, today's intake and completions, and this month's on-time completions.
    /// </summary>
    private static async Task<(IReadOnlyList<WallCase> Cases, WallCaseCounts Counts)> CasesAsync(
        HallDbContext db, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var dayStart = calendar.ToInstant(today, TimeOnly.MinValue);
        var dayEnd = calendar.ToInstant(today.AddDays(1), TimeOnly.MinValue);
        var monthStart = calendar.ToInstant(new DateOnly(today.Year, today.Month, 1), TimeOnly.MinValue);

        var lit = db.Cases.AsNoTracking().Where(c => c.Light != CaseLight.None
            && (c.State == CaseState.Received || c.State == CaseState.AwaitingSupplement
                || c.State == CaseState.Accepted || c.State == CaseState.AcceptedWithDeficiencies));
        var lights = await lit.GroupBy(c => c.Light).Select(g => new { Light = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = await lit
            .OrderByDescending(c => c.Light).ThenBy(c => c.DueAt).ThenBy(c => c.Id)
            .Take(CaseLines)
            .Select(c => new
            {
                c.Id, c.Number, c.Light, Matter = c.Matter!.Name, WindowNumber = (int?)c.Window!.Number,
                c.ApplicantName, c.ApplicantKind, c.DueAt, Handler = c.Handler!.Name,
            })
            .ToListAsync(cancellationToken);
        var cases = rows.Select(r => new WallCase(
            r.Id, r.Number, r.Light, r.Matter, r.WindowNumber, Masking.Name(r.ApplicantName, r.ApplicantKind), r.DueAt, r.Handler)).ToList();

        var acceptedToday = await db.Cases.CountAsync(c => c.AcceptedAt >= dayStart && c.AcceptedAt < dayEnd, cancellationToken);
        var completed = db.Cases.Where(c => c.State == CaseState.Completed && c.ClosedAt >= monthStart);
        var completedToday = await completed.CountAsync(c => c.ClosedAt >= dayStart && c.ClosedAt < dayEnd, cancellationToken);
        var completedThisMonth = await completed.CountAsync(cancellationToken);
        var onTimeThisMonth = await completed.CountAsync(c => c.CompletedOnTime == true, cancellationToken);
        return (cases, new WallCaseCounts(
            acceptedToday,
            completedToday,
            lights.Where(l => l.Light == CaseLight.Yellow).Sum(l => l.Count),
            lights.Where(l => l.Light == CaseLight.Red).Sum(l => l.Count),
            completedThisMonth,
            onTimeThisMonth));
    }

    /// <summary>Columns of the grid so that a floor fits in one or two rows at 1920 px.</summary>
    public static int Columns(int windowsPerFloor) =>
        windowsPerFloor <= 8 ? Math.Max(windowsPerFloor, 4)
        : windowsPerFloor <= 16 ? (windowsPerFloor + 1) / 2
        : Math.Min(12, (windowsPerFloor + 2) / 3);

    private async Task<WallJobs> LoadJobsAsync(HallDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var beat = await db.JobHeartbeats.AsNoTracking().SingleOrDefaultAsync(h => h.Name == JobHeartbeat.Default, cancellationToken);
        return new WallJobs(JobsStatus.Of(beat, now, TimeSpan.FromMinutes(options.Value.HeartbeatStaleMinutes)), beat?.BeatAt);
    }

    /// <summary>
    /// Window-minutes of gap (AB4) today so far, replayed from the presence history exactly as the
    /// manager's coverage day counts them (<see cref="CoverageDay"/>).
    /// </summary>
    private static async Task<int> GapMinutesTodayAsync(
        HallDbContext db, IEnumerable<HeldPost> posts, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var dayStart = calendar.ToInstant(today, TimeOnly.MinValue);
        var dayEnd = calendar.ToInstant(today.AddDays(1), TimeOnly.MinValue);
        var history = await CoverageHistory.DayAsync(db, dayStart, dayEnd, cancellationToken);
        return CoverageDay.Compute(today, posts, history, calendar, now).Windows.Sum(w => w.GapMinutes);
    }

    /// <summary>Posts predicted uncovered on the next working day (A and every B on planned leave).</summary>
    private static async Task<IReadOnlyList<PredictedGap>> PredictedGapsAsync(HallDbContext db, CoverageSnapshot state, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var horizon = today.AddDays(14);
        var leaves = await db.PlannedLeaves.AsNoTracking().Where(l => l.To >= today && l.From <= horizon).ToListAsync(cancellationToken);
        return CoverageRules.PredictGaps(state.Posts, leaves, today, 1, calendar);
    }
}
