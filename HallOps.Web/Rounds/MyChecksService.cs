using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Rounds;

/// <summary>A window whose checks a person sees.</summary>
public sealed record CheckWindow(int Id, int Number, string Name);

/// <summary>One of today's window checks (SE4 shutdown check, HY2 pre-work self-check) as the list shows it.</summary>
public sealed record MyCheckRow(
    long Id,
    RoundKind Kind,
    int WindowId,
    int WindowNumber,
    string WindowName,
    DateTimeOffset DueFrom,
    DateTimeOffset DueBy,
    DateTimeOffset MissedAt,
    RoundState State,
    bool Overdue,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? HandedToGuardAt,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    int? Score,
    DateTimeOffset? VerifiedAt,
    string? VerifiedBy,
    CheckResult? VerifyResult,
    string? VerifyNote)
{
    public bool IsOpen => State is RoundState.Due or RoundState.InProgress;

    /// <summary>A shutdown check reminded at closing + 10 minutes and still not done (SE4).</summary>
    public bool Reminded => Kind == RoundKind.ShutdownCheck && IsOpen && RemindedAt is not null;
}

/// <summary>Today's window checks of the signed-in person: their windows', or every window's for a manager.</summary>
public sealed record MyChecksView(DateOnly Day, bool IsManager, bool HasStaffRecord, IReadOnlyList<CheckWindow> Windows, IReadOnlyList<MyCheckRow> Rows)
{
    public IReadOnlyList<MyCheckRow> Reminders => Rows.Where(r => r.Reminded).ToList();
}

/// <summary>An open closing reminder for one of the signed-in person's windows (the push to their screen).</summary>
public sealed record MyReminder(long AlertId, long RoundId, int WindowNumber, string WindowName);

/// <summary>
/// The window staff's side of the closing and opening routines (SE4, SE5, IT7, HY2): today's shutdown
/// check and pre-work hygiene self-check of every window whose posts the person holds (A or B) — all
/// windows for a manager — with their state, times, reminder, hand-over to the guards and the guards'
/// verification; one check's sheet for the checklist, only for those who may see it.
/// </summary>
public sealed class MyChecksService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    CalendarSource calendars,
    TimeProvider time,
    RoundService rounds)
{
    /// <summary>The rounds this page is about: a window's own checks.</summary>
    public static readonly RoundKind[] Kinds = [RoundKind.HygieneSelfCheck, RoundKind.ShutdownCheck];

    /// <summary>Today's checks (in the hall's zone), optionally of one window.</summary>
    public async Task<MyChecksView> TodayAsync(int? windowId = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var day = calendar.LocalDate(now);
        var from = calendar.ToInstant(day, TimeOnly.MinValue);
        var to = calendar.ToInstant(day.AddDays(1), TimeOnly.MinValue);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await VisibleWindows(db, user).OrderBy(w => w.Number)
            .Select(w => new CheckWindow(w.Id, w.Number, w.Name)).ToListAsync(cancellationToken);
        var byId = windows.ToDictionary(w => w.Id);
        var ids = windows.Select(w => w.Id).Where(id => windowId is null || id == windowId).ToList();
        var found = await db.Rounds.AsNoTracking()
            .Where(r => Kinds.Contains(r.Kind) && r.WindowId != null && ids.Contains(r.WindowId.Value) && r.DueFrom >= from && r.DueFrom < to)
            .ToListAsync(cancellationToken);
        var rows = found
            .Select(r =>
            {
                var window = byId[r.WindowId!.Value];
                // An open check past its missed line is missed, whether or not the monitor has run yet.
                var state = r.IsOpen ? RoundRules.OpenStateAt(now, r.MissedAt, r.StartedAt is not null) : r.State;
                return new MyCheckRow(
                    r.Id, r.Kind, window.Id, window.Number, window.Name, r.DueFrom, r.DueBy, r.MissedAt, state,
                    r.IsOpen && RoundRules.IsOverdue(now, r.DueBy, r.MissedAt), r.RemindedAt, r.HandedToGuardAt,
                    r.CompletedAt, r.CompletedBy, r.Score, r.VerifiedAt, r.VerifiedBy, r.VerifyResult, r.VerifyNote);
            })
            .OrderBy(r => r.WindowNumber).ThenBy(r => r.DueFrom).ThenBy(r => r.Kind)
            .ToList();
        return new MyChecksView(day, user.IsManager, user.IsManager || user.StaffId is not null, windows, rows);
    }

    /// <summary>
    /// One window check's sheet for its checklist (<see cref="RoundService.SheetAsync"/>): null when it
    /// is unknown, not a window's own check, or of a window the person does not hold (managers: any).
    /// </summary>
    public async Task<RoundSheet?> SheetAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var windows = VisibleWindows(db, user);
            var visible = await db.Rounds.AnyAsync(r => r.Id == roundId && Kinds.Contains(r.Kind) && r.WindowId != null
                && windows.Any(w => w.Id == r.WindowId), cancellationToken);
            if (!visible)
            {
                return null;
            }
        }
        return await rounds.SheetAsync(roundId, cancellationToken);
    }

    /// <summary>
    /// The closing reminder an alert is, when it is an open one for a window the signed-in member of
    /// staff holds a post at; null otherwise (another kind, another window, resolved, not staff).
    /// </summary>
    public async Task<MyReminder?> ReminderAsync(long alertId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.StaffId is not { } staffId)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alert = await db.Alerts.AsNoTracking()
            .Where(a => a.Id == alertId && a.IsOpen && a.Kind == AlertKinds.RoundReminder && a.WindowId != null)
            .Select(a => new { a.Subject, WindowId = a.WindowId!.Value })
            .SingleOrDefaultAsync(cancellationToken);
        if (alert is null || !alert.Subject.StartsWith(HallSubjects.RoundPrefix, StringComparison.Ordinal)
            || !long.TryParse(alert.Subject.AsSpan(HallSubjects.RoundPrefix.Length), out var roundId))
        {
            return null;
        }
        var window = await db.Windows.AsNoTracking()
            .Where(w => w.Id == alert.WindowId && db.PostHolders.Any(h => h.StaffMemberId == staffId && h.Post!.WindowId == w.Id))
            .Select(w => new { w.Number, w.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return window is null ? null : new MyReminder(alertId, roundId, window.Number, window.Name);
    }

    /// <summary>The active windows a person sees checks of: all for a manager, else those whose posts they hold.</summary>
    private static IQueryable<ServiceWindow> VisibleWindows(HallDbContext db, HallUserInfo user)
    {
        var active = db.Windows.Where(w => w.IsActive);
        if (user.IsManager)
        {
            return active;
        }
        var staffId = user.StaffId;
        return active.Where(w => staffId != null && db.PostHolders.Any(h => h.StaffMemberId == staffId && h.Post!.WindowId == w.Id));
    }
}
