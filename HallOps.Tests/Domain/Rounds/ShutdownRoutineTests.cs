using HallOps.Domain.Calendar;
using HallOps.Domain.Rounds;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Rounds;

/// <summary>
/// The windows' closing routine (SE4, SE5, IT7; handed on to SE2.2) on the hall's calendar: the
/// shutdown check is due at closing — 17:00 in winter hours, 17:30 in summer hours, on an adjusted
/// working Saturday or Sunday too, never on a holiday; closing + 10 minutes reminds a window whose
/// check is still open, once; closing + 30 minutes hands every unfinished check to the guards.
/// </summary>
public class ShutdownRoutineTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();
    private static readonly ShutdownSettings Settings = new(reminderAfterClosingMinutes: 10, handToGuardAfterClosingMinutes: 30);

    private static DateTimeOffset At(string date, string time) => Calendar.ToInstant(Day(date), Time(time));

    [Theory]
    // Thursday 26 November, winter hours: closing 17:00.
    [InlineData("2026-11-26", "17:00")]
    // Thursday 17 September, summer hours: closing 17:30.
    [InlineData("2026-09-17", "17:30")]
    // SE4: Sunday 20 September 2026 is an adjusted working day (调休上班, National Day): summer closing.
    [InlineData("2026-09-20", "17:30")]
    // Saturday 10 October 2026 is worked too, in winter hours (from 1 October).
    [InlineData("2026-10-10", "17:00")]
    // Sunday 4 January 2026 is worked (New Year): winter closing.
    [InlineData("2026-01-04", "17:00")]
    // No closing — so no closing routine — on a holiday or an ordinary weekend.
    [InlineData("2026-10-01", null)]
    [InlineData("2026-10-11", null)]
    public void SE4_ACheckCountsFromTheHallsClosingOnItsDate(string date, string? closing) =>
        Assert.Equal(closing is null ? null : At(date, closing), ShutdownRoutine.ClosingFor(At(date, "17:00"), Calendar));

    [Theory]
    // Before closing + 10: nothing.
    [InlineData("2026-11-26", "16:59", RoundState.Due, false, false, ShutdownStep.None)]
    [InlineData("2026-11-26", "17:09", RoundState.InProgress, false, false, ShutdownStep.None)]
    // SE4: closing + 10 minutes, the check still open: remind, once.
    [InlineData("2026-11-26", "17:10", RoundState.Due, false, false, ShutdownStep.Remind)]
    [InlineData("2026-11-26", "17:10", RoundState.InProgress, false, false, ShutdownStep.Remind)]
    [InlineData("2026-11-26", "17:15", RoundState.Due, true, false, ShutdownStep.None)]
    // A check done (or done late) is never reminded nor handed over.
    [InlineData("2026-11-26", "17:15", RoundState.Done, false, false, ShutdownStep.None)]
    [InlineData("2026-11-26", "17:45", RoundState.Late, false, false, ShutdownStep.None)]
    // A run after a stop, still before the hand-over line, makes the reminder good.
    [InlineData("2026-11-26", "17:29", RoundState.Due, false, false, ShutdownStep.Remind)]
    // SE2.2: closing + 30 minutes, unfinished: to the guards' evening round; reminded or not (the staff have gone).
    [InlineData("2026-11-26", "17:30", RoundState.Due, true, false, ShutdownStep.HandToGuard)]
    [InlineData("2026-11-26", "17:30", RoundState.InProgress, false, false, ShutdownStep.HandToGuard)]
    [InlineData("2026-11-26", "17:45", RoundState.Due, true, true, ShutdownStep.None)]
    // A check already missed when the routine comes back after a crash still goes to the guards, once.
    [InlineData("2026-11-26", "18:30", RoundState.Missed, false, false, ShutdownStep.HandToGuard)]
    [InlineData("2026-11-26", "18:31", RoundState.Missed, false, true, ShutdownStep.None)]
    // Summer hours close at 17:30: at 17:10 nothing is due yet.
    [InlineData("2026-09-17", "17:10", RoundState.Due, false, false, ShutdownStep.None)]
    // The adjusted working Sunday closes like a summer working day: 17:40 reminder, 18:00 hand-over.
    [InlineData("2026-09-20", "17:39", RoundState.Due, false, false, ShutdownStep.None)]
    [InlineData("2026-09-20", "17:40", RoundState.Due, false, false, ShutdownStep.Remind)]
    [InlineData("2026-09-20", "18:00", RoundState.Due, true, false, ShutdownStep.HandToGuard)]
    // The worked Saturday in October, winter hours.
    [InlineData("2026-10-10", "17:10", RoundState.Due, false, false, ShutdownStep.Remind)]
    // A holiday has no closing: no reminder, no hand-over, whatever is stored.
    [InlineData("2026-10-01", "17:10", RoundState.Due, false, false, ShutdownStep.None)]
    [InlineData("2026-10-01", "18:00", RoundState.Due, false, false, ShutdownStep.None)]
    public void SE4_SE2_TheClosingRoutine_RemindsAtClosingPlus10_HandsOverAtClosingPlus30(
        string date, string now, RoundState state, bool reminded, bool handed, ShutdownStep step)
    {
        var closing = ShutdownRoutine.ClosingFor(At(date, "17:00"), Calendar);
        var at = At(date, now);
        DateTimeOffset? remindedAt = reminded ? at.AddMinutes(-1) : null;
        DateTimeOffset? handedAt = handed ? at.AddMinutes(-1) : null;

        Assert.Equal(step, ShutdownRoutine.StepAt(at, closing, state, remindedAt, handedAt, Settings));
    }

    [Theory]
    // SE4 on the adjusted working Sunday 20 September: due from 17:30 (summer closing), done by 18:00,
    // overdue (alert) from 18:00, missed from 19:00 — the default shutdown schedule's 30 and 60 minutes.
    [InlineData("17:59", RoundState.Due, false)]
    [InlineData("18:00", RoundState.Due, true)]
    [InlineData("18:59", RoundState.Due, true)]
    [InlineData("19:00", RoundState.Missed, false)]
    public void SE4_OnTheAdjustedWorkingSunday_TheShutdownCheckIsOverdueThenMissed_OnSummerLines(string now, RoundState state, bool overdue)
    {
        var rule = ScheduleRule.TryParse("workdays at closing", out _)!;
        var dueFrom = Assert.Single(rule.Occurrences(At("2026-09-20", "00:00"), At("2026-09-21", "00:00"), Calendar));
        Assert.Equal(At("2026-09-20", "17:30"), dueFrom);
        var (dueBy, missedAt) = (dueFrom.AddMinutes(30), dueFrom.AddMinutes(30 + 60));

        Assert.Equal(state, RoundRules.OpenStateAt(At("2026-09-20", now), missedAt, started: false));
        Assert.Equal(overdue, RoundRules.IsOverdue(At("2026-09-20", now), dueBy, missedAt));
    }

    [Theory]
    [InlineData("18:00", RoundState.Done)]
    [InlineData("18:01", RoundState.Late)]
    public void SE4_OnTheAdjustedWorkingSunday_ACheckDoneAfter18IsLate(string completed, RoundState state) =>
        Assert.Equal(state, RoundRules.CompletedState(At("2026-09-20", completed), At("2026-09-20", "18:00")));

    [Theory]
    [InlineData(-1, 30)]
    [InlineData(30, 30)]
    [InlineData(30, 10)]
    [InlineData(10, 721)]
    public void SettingsThatCannotWork_AreRefusedAtStart(int reminder, int handToGuard) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShutdownSettings(reminder, handToGuard));
}
