using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Coverage;

/// <summary>How long an alert may wait for an acknowledgement, and for its cause to clear after one.</summary>
public sealed record AlertTiming(TimeSpan AckTimeout, TimeSpan ReAlertAfter)
{
    public static AlertTiming Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));
}

/// <summary>Every post's coverage at an instant.</summary>
public sealed record CoverageSnapshot(DateTimeOffset At, bool Open, IReadOnlyList<PostHolders> Posts, IReadOnlyList<PostCoverage> Coverage);

/// <summary>
/// Brings the alerts in line with the hall's state: raises a gap or take-over alert for every post
/// that needs one, resolves those whose cause has cleared, and escalates or re-alerts on time.
/// Idempotent: run on every presence change and by the scan each minute; running it twice, or on
/// two instances at once, leaves the same rows (the database refuses a second open alert).
/// </summary>
public sealed class CoverageMonitor(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time, AlertTiming timing)
{
    private static readonly string[] Kinds = [AlertKinds.CoverageGap, AlertKinds.TakeOver];

    public async Task<CoverageSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SnapshotAsync(db, cancellationToken);
    }

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var snapshot = await SnapshotAsync(db, cancellationToken);
        var now = snapshot.At;

        var wanted = snapshot.Coverage
            .SelectMany(c => Wanted(c))
            .ToDictionary(w => (w.Kind, w.Subject));
        var open = await db.Alerts.Where(a => a.IsOpen && Kinds.Contains(a.Kind)).ToListAsync(cancellationToken);

        foreach (var alert in open.Where(a => !wanted.ContainsKey((a.Kind, a.Subject))))
        {
            AlertRules.Resolve(alert, now);
        }
        var raised = wanted.Values
            .Where(w => !open.Any(a => a.Kind == w.Kind && a.Subject == w.Subject))
            .Select(w => new Alert { Kind = w.Kind, Subject = w.Subject, Severity = w.Severity, WindowId = w.WindowId, RaisedAt = now })
            .ToList();
        db.Alerts.AddRange(raised);
        await SaveTolerantAsync(db, cancellationToken);

        await EscalateAsync(db, now, cancellationToken);
    }

    /// <summary>Escalates and re-alerts every open alert that is due (any kind).</summary>
    private async Task EscalateAsync(HallDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var open = await db.Alerts.Where(a => a.IsOpen).ToListAsync(cancellationToken);
        foreach (var alert in open)
        {
            var step = AlertRules.Due(alert, now, timing.AckTimeout, timing.ReAlertAfter);
            if (step != AlertStep.None)
            {
                AlertRules.Apply(alert, step, now);
            }
        }
        await SaveTolerantAsync(db, cancellationToken);
    }

    /// <summary>
    /// Saves; when another instance or an acknowledgement got there first (a duplicate open alert, a
    /// changed version), saves what still applies row by row and leaves the rest to the next run.
    /// </summary>
    private static async Task SaveTolerantAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            var pending = db.ChangeTracker.Entries<Alert>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified)
                .Select(e => (e.Entity, e.State))
                .ToList();
            db.ChangeTracker.Clear();
            foreach (var (alert, state) in pending)
            {
                try
                {
                    db.Entry(alert).State = state;
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Someone else raised, resolved or acknowledged it first: theirs stands.
                }
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CoverageSnapshot> SnapshotAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync();
        var presence = await db.Presences.AsNoTracking().ToDictionaryAsync(p => p.StaffMemberId, cancellationToken);
        var rows = await db.Posts.AsNoTracking()
            .Where(p => p.Window!.IsActive)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.WindowId, Holders = p.Holders.OrderBy(h => h.Id).Select(h => new { h.StaffMemberId, h.Role }).ToList() })
            .ToListAsync(cancellationToken);
        var posts = rows.Select(p => new PostHolders(p.Id, p.WindowId, p.Holders.Select(h =>
        {
            presence.TryGetValue(h.StaffMemberId, out var here);
            return new HolderPresence(h.StaffMemberId, h.Role, here?.State ?? PresenceState.SignedOff, here?.HandoverToStaffId);
        }).ToList())).ToList();
        var open = calendar.IsOpenAt(now);
        return new CoverageSnapshot(now, open, posts, posts.Select(p => CoverageRules.Evaluate(p, open)).ToList());
    }

    private static IEnumerable<(string Kind, string Subject, AlertSeverity Severity, int WindowId)> Wanted(PostCoverage coverage)
    {
        var subject = Hall.HallSubjects.Post(coverage.PostId);
        if (coverage.State == CoverageState.Gap)
        {
            yield return (AlertKinds.CoverageGap, subject, AlertSeverity.Critical, coverage.WindowId);
        }
        if (coverage.TakeOverNeeded && coverage.State != CoverageState.Closed)
        {
            yield return (AlertKinds.TakeOver, subject, AlertSeverity.Warning, coverage.WindowId);
        }
    }
}
