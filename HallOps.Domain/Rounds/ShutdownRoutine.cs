using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Rounds;

/// <summary>
/// The closing routine's timing (SE4, SE5, IT7, SE2.2): minutes after the hall's closing at which a
/// window whose shutdown check is not done is reminded, and at which the check goes to the guards'
/// evening round to verify (Hall:Rounds:ReminderAfterClosingMinutes, HandToGuardAfterClosingMinutes).
/// </summary>
public sealed record ShutdownSettings
{
    public ShutdownSettings(int reminderAfterClosingMinutes = 10, int handToGuardAfterClosingMinutes = 30)
    {
        if (reminderAfterClosingMinutes is < 0 or > 12 * 60)
        {
            throw new ArgumentOutOfRangeException(nameof(reminderAfterClosingMinutes), reminderAfterClosingMinutes,
                "Hall:Rounds:ReminderAfterClosingMinutes must be between 0 and 720 minutes.");
        }
        if (handToGuardAfterClosingMinutes <= reminderAfterClosingMinutes || handToGuardAfterClosingMinutes > 12 * 60)
        {
            throw new ArgumentOutOfRangeException(nameof(handToGuardAfterClosingMinutes), handToGuardAfterClosingMinutes,
                $"Hall:Rounds:HandToGuardAfterClosingMinutes must be after the reminder ({reminderAfterClosingMinutes} minutes) and at most 720 minutes.");
        }
        ReminderAfterClosingMinutes = reminderAfterClosingMinutes;
        HandToGuardAfterClosingMinutes = handToGuardAfterClosingMinutes;
    }

    public int ReminderAfterClosingMinutes { get; }

    public int HandToGuardAfterClosingMinutes { get; }
}

/// <summary>What the closing routine owes one shutdown check at an instant.</summary>
public enum ShutdownStep
{
    None = 0,

    /// <summary>Remind the window's staff once (closing + 10 minutes, check still open).</summary>
    Remind = 1,

    /// <summary>Hand the unfinished check to the guards' evening round to verify (closing + 30 minutes).</summary>
    HandToGuard = 2,
}

/// <summary>What one run of the closing routine did.</summary>
public sealed record ShutdownRunResult(int Reminded, int HandedToGuard, int RemindersResolved)
{
    public static ShutdownRunResult None { get; } = new(0, 0, 0);
}

/// <summary>
/// The closing routine of the windows (SE4, SE5, IT7; handed on to SE2.2). Every working day each
/// window does its shutdown check (下班断电检查) from closing. At closing + 10 minutes a window whose
/// check is still open is reminded, once: the round's <see cref="RoundInstance.RemindedAt"/> is set and
/// one <see cref="AlertKinds.RoundReminder"/> alert is raised for the window. At closing + 30 minutes
/// every check not completed — open or already missed — is handed to the guards
/// (<see cref="RoundInstance.HandedToGuardAt"/>), whose evening round on that floor must then verify
/// the window. A check completed meanwhile is neither reminded nor handed over.
/// <para>
/// Run each minute. It reads the stored state and acts only on what is due and not yet done, so a
/// second run, a second instance at the same moment (the open alerts' unique index refuses a second
/// reminder) or a run after a crash changes nothing twice and makes good what the missed minutes
/// owed. A reminder is owed only until the hand-over line: past it the staff have gone and the guards
/// take over, so a run resuming after a long stop hands the check over without reminding.
/// </para>
/// </summary>
public sealed class ShutdownRoutine(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time, ShutdownSettings settings)
{
    private const int Attempts = 3;

    public ShutdownSettings Settings => settings;

    /// <summary>
    /// The hall's closing on the local date a shutdown check is due: the end of that season's afternoon
    /// session — also on an adjusted working Saturday or Sunday; null when the hall does not open that
    /// day (a holiday, an ordinary weekend), when there is no closing routine.
    /// </summary>
    public static DateTimeOffset? ClosingFor(DateTimeOffset dueFrom, WorkingCalendar calendar)
    {
        var date = calendar.LocalDate(dueFrom);
        return calendar.IsWorkingDay(date) ? calendar.ClosingOf(date) : null;
    }

    /// <summary>
    /// What a shutdown check owes at <paramref name="now"/>: from closing + the reminder minutes until
    /// the hand-over line, a reminder if it is still open and was not reminded; from the hand-over
    /// line, the hand-over if it is not completed (done or late) and was not handed over yet.
    /// </summary>
    public static ShutdownStep StepAt(
        DateTimeOffset now,
        DateTimeOffset? closing,
        RoundState state,
        DateTimeOffset? remindedAt,
        DateTimeOffset? handedToGuardAt,
        ShutdownSettings settings)
    {
        if (closing is not { } close || state is RoundState.Done or RoundState.Late)
        {
            return ShutdownStep.None;
        }
        if (now >= close.AddMinutes(settings.HandToGuardAfterClosingMinutes))
        {
            return handedToGuardAt is null ? ShutdownStep.HandToGuard : ShutdownStep.None;
        }
        if (now >= close.AddMinutes(settings.ReminderAfterClosingMinutes))
        {
            return remindedAt is null && state is RoundState.Due or RoundState.InProgress ? ShutdownStep.Remind : ShutdownStep.None;
        }
        return ShutdownStep.None;
    }

    /// <summary>The reminder alert of a shutdown check, as raised (Warning, for the window).</summary>
    public static Alert ReminderFor(RoundInstance round, DateTimeOffset now) => new()
    {
        Kind = AlertKinds.RoundReminder,
        Severity = AlertSeverity.Warning,
        Subject = HallSubjects.Round(round.Id),
        WindowId = round.WindowId,
        RaisedAt = now,
    };

    /// <summary>One pass of the routine at the clock's now (the minute job).</summary>
    public async Task<ShutdownRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync();
        var (reminded, handed) = (0, 0);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                (reminded, handed) = await StepAllAsync(now, calendar, cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another run stored the same reminder first (the open alerts' unique index refused
                // ours), or the check was completed meanwhile: nothing of this pass was kept; read the
                // rounds again and do what is still owed.
            }
        }
        var resolved = await ResolveSettledRemindersAsync(now, cancellationToken);
        return new ShutdownRunResult(reminded, handed, resolved);
    }

    private async Task<(int Reminded, int Handed)> StepAllAsync(DateTimeOffset now, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Today's and last night's checks still owing something (the (Kind, DueFrom) index): a check
        // older than a day is past the evening rounds that could verify it.
        var since = now.AddHours(-24);
        var rounds = await db.Rounds
            .Where(r => r.Kind == RoundKind.ShutdownCheck && r.DueFrom > since && r.DueFrom <= now
                && r.State != RoundState.Done && r.State != RoundState.Late
                && (r.RemindedAt == null || r.HandedToGuardAt == null))
            .ToListAsync(cancellationToken);
        var (reminded, handed) = (0, 0);
        foreach (var round in rounds)
        {
            switch (StepAt(now, ClosingFor(round.DueFrom, calendar), round.State, round.RemindedAt, round.HandedToGuardAt, settings))
            {
                case ShutdownStep.Remind:
                    // The round's version is its concurrency token: a check completed since it was read
                    // refuses this update, and the pass is read again.
                    round.RemindedAt = now;
                    db.Alerts.Add(ReminderFor(round, now));
                    reminded++;
                    break;
                case ShutdownStep.HandToGuard:
                    round.HandedToGuardAt = now;
                    handed++;
                    break;
            }
        }
        if (reminded + handed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return (reminded, handed);
    }

    /// <summary>
    /// A reminder ends when its check is completed or missed. The round monitor resolves it when it
    /// settles the round; this repairs one raised in the same instant as the completion.
    /// </summary>
    private async Task<int> ResolveSettledRemindersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.RoundReminder).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }
        var ids = open.Select(a => RoundIdOf(a.Subject)).OfType<long>().ToList();
        var settled = (await db.Rounds
                .Where(r => ids.Contains(r.Id) && r.State != RoundState.Due && r.State != RoundState.InProgress)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken))
            .Select(HallSubjects.Round).ToHashSet(StringComparer.Ordinal);
        var resolved = 0;
        foreach (var alert in open.Where(a => settled.Contains(a.Subject)))
        {
            AlertRules.Resolve(alert, now);
            resolved++;
        }
        if (resolved > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Resolved or acknowledged meanwhile: the next run looks again.
                return 0;
            }
        }
        return resolved;
    }

    private static long? RoundIdOf(string subject) =>
        subject.StartsWith(HallSubjects.RoundPrefix, StringComparison.Ordinal)
        && long.TryParse(subject.AsSpan(HallSubjects.RoundPrefix.Length), out var id) ? id : null;
}
