using HallOps.Domain.Alerts;
using HallOps.Domain.Audit;
using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Events;
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
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<CoverageSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SnapshotAsync(db, cancellationToken);
    }

    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        // One reconcile at a time on this instance: a sign-on's reconcile and the minute scan must
        // not interleave their reads and writes. Across instances the unique index and the
        // per-row retry below keep the rows right, and the next scan repairs the rest.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ReconcileOnceAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Makes one presence change and brings the alerts in line in the same transaction, so every
    /// screen hears of both at once (one hall-event burst, one render). <paramref name="change"/>
    /// reads and edits what it needs on the context it is given and answers its errors (in the
    /// caller's language); with none, the change is saved. When the alert write conflicts (another
    /// instance got there first), the change is still committed and the alerts are repaired row by
    /// row afterwards.
    /// <para>
    /// Changes that arrive while another is being saved are saved together (group commit): one
    /// transaction holds each change, made on what the changes before it left and saved on its own
    /// savepoint under its own audit name (one refused leaves the others), then one reconciliation
    /// of the alerts for all of them and one commit, whose hall events go out in one piece.
    /// </para>
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveWithAlertsAsync(
        Func<HallDbContext, Task<IReadOnlyList<string>>> change, CancellationToken cancellationToken = default)
    {
        var mine = new PendingChange(change, HallActor.Current, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        lock (_waiting)
        {
            _waiting.Add(mine);
        }
        var gate = _gate.WaitAsync(cancellationToken);
        if (await Task.WhenAny(gate, mine.Done.Task) == mine.Done.Task)
        {
            // Another change's save took this one along. The gate, once had, goes straight back.
            _ = gate.ContinueWith(g => _gate.Release(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            return await mine.Done.Task;
        }
        try
        {
            await gate;
        }
        catch (OperationCanceledException)
        {
            lock (_waiting)
            {
                if (_waiting.Remove(mine))
                {
                    throw;
                }
            }
            // Taken along by another change's save after all: its outcome stands.
            return await mine.Done.Task;
        }
        List<PendingChange> group;
        var inLine = true;
        try
        {
            lock (_waiting)
            {
                group = [.. _waiting];
                _waiting.Clear();
            }
            if (group.Count > 0)
            {
                inLine = await SaveGroupAsync(group);
            }
        }
        finally
        {
            _gate.Release();
        }
        if (group.Count > 0)
        {
            await FollowUpAsync(group, inLine);
        }
        return await mine.Done.Task;
    }

    /// <summary>A presence change waiting to be saved: what it does, who makes it in which language, and its outcome.</summary>
    private sealed class PendingChange(Func<HallDbContext, Task<IReadOnlyList<string>>> apply, Actor? actor, CultureInfo culture, CultureInfo uiCulture)
    {
        public Func<HallDbContext, Task<IReadOnlyList<string>>> Apply { get; } = apply;
        public Actor Actor { get; } = actor ?? Actor.System("app");
        public CultureInfo Culture { get; } = culture;
        public CultureInfo UICulture { get; } = uiCulture;
        public TaskCompletionSource<IReadOnlyList<string>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public IReadOnlyList<string> Errors { get; set; } = [];
        public Exception? Failure { get; set; }
        public bool Saved => Failure is null && Errors.Count == 0;
    }

    private readonly List<PendingChange> _waiting = [];

    /// <summary>Presence changes waiting for the save in progress to finish, to be saved together next.</summary>
    public int WaitingChanges
    {
        get
        {
            lock (_waiting)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Under the gate, on one context and one transaction: each change made and saved in turn, the
    /// alerts reconciled once, one commit; true when the alerts were written with it. A change whose
    /// save fails is rolled back to its savepoint and fails alone; a failed reconciliation or commit
    /// fails them all. The alerts' audit lines name the person whose change caused them, or the
    /// coverage monitor when several people's changes did.
    /// </summary>
    private async Task<bool> SaveGroupAsync(List<PendingChange> group)
    {
        var inLine = true;
        var events = new List<IPublishesChanges>();
        var raised = new List<(string Kind, string Subject)>();
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var change in group)
            {
                var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (change.Culture, change.UICulture);
                try
                {
                    using (HallActor.Use(change.Actor))
                    {
                        change.Errors = await change.Apply(db);
                        if (change.Errors.Count == 0)
                        {
                            await db.SaveChangesAsync();
                            // Kept aside until the commit: a later change's failed save discards the context's own.
                            events.AddRange(db.ChangedSubjects);
                            raised.AddRange(db.PendingEvents);
                        }
                    }
                }
                catch (Exception ex)
                {
                    change.Failure = ex;
                }
                finally
                {
                    (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
                    db.ChangedSubjects.Clear();
                    db.PendingEvents.Clear();
                    db.ChangeTracker.Clear();
                }
            }
            if (group.Any(c => c.Saved))
            {
                using (HallActor.Use(group.Count == 1 ? group[0].Actor : Actor.System("coverage")))
                {
                    // The failed save of a conflict rolls back to its savepoint: the changes above stay.
                    inLine = (await TryReconcileAsync(db, CancellationToken.None)).Saved;
                }
            }
            db.ChangedSubjects.AddRange(events);
            db.PendingEvents.AddRange(raised);
            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            // Nothing of the group is stored; a change refused by its own checks keeps its answer.
            foreach (var change in group.Where(c => c.Failure is null && c.Errors.Count == 0))
            {
                change.Failure = ex;
            }
        }
        return inLine;
    }

    /// <summary>After the commit, outside the gate: alerts repaired if their write conflicted, escalations due; then each change's caller goes on.</summary>
    private async Task FollowUpAsync(List<PendingChange> group, bool inLine)
    {
        try
        {
            if (group.Any(c => c.Saved))
            {
                if (!inLine)
                {
                    await ReconcileAsync();
                }
                else
                {
                    await EscalateAsync(time.GetUtcNow(), CancellationToken.None);
                }
            }
        }
        finally
        {
            foreach (var change in group)
            {
                if (change.Failure is { } failure)
                {
                    change.Done.TrySetException(failure);
                }
                else
                {
                    change.Done.TrySetResult(change.Errors);
                }
            }
        }
    }

    private async Task ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var attempt = await TryReconcileAsync(db, cancellationToken);
        if (!attempt.Saved)
        {
            // Another instance or an acknowledgement got there first: apply each change on its own.
            foreach (var alert in attempt.Cleared)
            {
                await ChangeOneAsync(alert.Id, a => a.IsOpen, a => AlertRules.Resolve(a, attempt.At), cancellationToken);
            }
            foreach (var alert in attempt.Raised)
            {
                await RaiseOneAsync(alert, cancellationToken);
            }
        }
        await EscalateAsync(attempt.At, cancellationToken);
    }

    private sealed record ReconcileAttempt(DateTimeOffset At, List<Alert> Cleared, List<Alert> Raised, bool Saved);

    /// <summary>Raises and resolves on <paramref name="db"/> what the hall's state asks for, in one save.</summary>
    private async Task<ReconcileAttempt> TryReconcileAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(db, cancellationToken);
        var now = snapshot.At;

        var wanted = snapshot.Coverage
            .SelectMany(c => Wanted(c))
            .ToDictionary(w => (w.Kind, w.Subject));
        var open = await db.Alerts.Where(a => a.IsOpen && Kinds.Contains(a.Kind)).ToListAsync(cancellationToken);

        var cleared = open.Where(a => !wanted.ContainsKey((a.Kind, a.Subject))).ToList();
        foreach (var alert in cleared)
        {
            AlertRules.Resolve(alert, now);
        }
        var raised = wanted.Values
            .Where(w => !open.Any(a => a.Kind == w.Kind && a.Subject == w.Subject))
            .Select(w => new Alert { Kind = w.Kind, Subject = w.Subject, Severity = w.Severity, WindowId = w.WindowId, RaisedAt = now })
            .ToList();
        db.Alerts.AddRange(raised);
        return new ReconcileAttempt(now, cleared, raised, cleared.Count + raised.Count == 0 || await TrySaveAsync(db, cancellationToken));
    }


    /// <summary>Escalates and re-alerts every open alert that is due (any kind).</summary>
    private async Task EscalateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = (await db.Alerts.Where(a => a.IsOpen).ToListAsync(cancellationToken))
            .Select(a => (Alert: a, Step: AlertRules.Due(a, now, timing.AckTimeout, timing.ReAlertAfter)))
            .Where(d => d.Step != AlertStep.None)
            .ToList();
        foreach (var (alert, step) in due)
        {
            AlertRules.Apply(alert, step, now);
        }
        if (due.Count > 0 && !await TrySaveAsync(db, cancellationToken))
        {
            foreach (var (alert, _) in due)
            {
                await ChangeOneAsync(alert.Id,
                    a => AlertRules.Due(a, now, timing.AckTimeout, timing.ReAlertAfter) != AlertStep.None,
                    a => AlertRules.Apply(a, AlertRules.Due(a, now, timing.AckTimeout, timing.ReAlertAfter), now),
                    cancellationToken);
            }
        }
    }

    private static async Task<bool> TrySaveAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Re-reads one alert and changes it if the change still applies to what is stored now.</summary>
    private async Task ChangeOneAsync(long id, Func<Alert, bool> stillApplies, Action<Alert> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is not null && stillApplies(alert))
        {
            change(alert);
            await TrySaveAsync(db, cancellationToken);
        }
    }

    private async Task RaiseOneAsync(Alert alert, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Alerts.Add(new Alert
        {
            Kind = alert.Kind, Subject = alert.Subject, Severity = alert.Severity, WindowId = alert.WindowId, RaisedAt = alert.RaisedAt,
        });
        await TrySaveAsync(db, cancellationToken); // a duplicate open alert is refused by the index: the other stands
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
