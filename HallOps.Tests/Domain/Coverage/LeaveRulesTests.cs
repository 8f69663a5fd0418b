using HallOps.Domain.Coverage;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Coverage;

/// <summary>
/// AB3 / AB4: leave (请假) is entered ahead, so the hall sees a gap before it happens. Today is
/// Thursday 2026-11-26 (hall time). The person's other leave is written "2026-12-01..2026-12-03;
/// 2026-12-10" (first and last day, both inclusive).
/// </summary>
public class LeaveRulesTests
{
    private static readonly DateOnly Today = Day("2026-11-26");

    [Theory]
    // Accepted: today or later, up to 60 days, a whole-day reason, no shared day.
    [InlineData("2026-11-26", "2026-11-26", AwayReason.Leave, "", LeaveProblem.None)]
    [InlineData("2026-11-27", "2026-11-30", AwayReason.Leave, "", LeaveProblem.None)]
    [InlineData("2026-11-27", "2026-11-27", AwayReason.Study, "", LeaveProblem.None)]
    [InlineData("2026-11-27", "2026-11-27", AwayReason.Business, "", LeaveProblem.None)]
    [InlineData("2026-11-26", "2027-01-24", AwayReason.Leave, "", LeaveProblem.None)]          // 60 days, both ends counted
    [InlineData("2026-11-27", "2026-11-30", AwayReason.Leave, "2026-12-01..2026-12-03", LeaveProblem.None)] // ends the day before
    [InlineData("2026-12-04", "2026-12-09", AwayReason.Leave, "2026-12-01..2026-12-03; 2026-12-10", LeaveProblem.None)] // fits between
    // Refused: a short absence is handled on the day (离岗), not as leave.
    [InlineData("2026-11-27", "2026-11-27", AwayReason.Meeting, "", LeaveProblem.NotALeaveReason)]
    [InlineData("2026-11-27", "2026-11-27", AwayReason.Break, "", LeaveProblem.NotALeaveReason)]
    [InlineData("2026-11-27", "2026-11-27", (AwayReason)42, "", LeaveProblem.NotALeaveReason)]
    // Refused: the range must run forward.
    [InlineData("2026-11-30", "2026-11-27", AwayReason.Leave, "", LeaveProblem.EndsBeforeItStarts)]
    // Refused: entered ahead, never afterwards (yesterday is history).
    [InlineData("2026-11-25", "2026-11-27", AwayReason.Leave, "", LeaveProblem.StartsInThePast)]
    [InlineData("2026-11-25", "2026-11-25", AwayReason.Leave, "", LeaveProblem.StartsInThePast)]
    // Refused: more than 60 days at once.
    [InlineData("2026-11-26", "2027-01-25", AwayReason.Leave, "", LeaveProblem.TooLong)]
    // Refused: a day the person is already on leave.
    [InlineData("2026-11-27", "2026-12-01", AwayReason.Leave, "2026-12-01..2026-12-03", LeaveProblem.Overlaps)]
    [InlineData("2026-12-03", "2026-12-05", AwayReason.Leave, "2026-12-01..2026-12-03", LeaveProblem.Overlaps)]
    [InlineData("2026-12-02", "2026-12-02", AwayReason.Leave, "2026-12-01..2026-12-03", LeaveProblem.Overlaps)]
    [InlineData("2026-11-30", "2026-12-11", AwayReason.Leave, "2026-12-01..2026-12-03; 2026-12-10", LeaveProblem.Overlaps)]
    public void Check_AB4_LeaveIsEnteredAheadForWholeDays_AndNeverTwiceForTheSameDay(
        string from, string to, AwayReason reason, string others, LeaveProblem expected)
    {
        Assert.Equal(expected, LeaveRules.Check(Day(from), Day(to), reason, Today, Leaves(others)));
    }

    [Theory]
    // Not started: removed, by the person or a manager.
    [InlineData("2026-11-27..2026-11-30", false, LeaveCancel.Remove)]
    [InlineData("2026-11-27..2026-11-30", true, LeaveCancel.Remove)]
    [InlineData("2026-11-26..2026-11-30", false, LeaveCancel.Remove)]    // starts today: nothing taken yet
    // Under way: a manager cuts it to end yesterday (the days taken stay on record); the person may not.
    [InlineData("2026-11-24..2026-11-30", true, LeaveCancel.EndYesterday)]
    [InlineData("2026-11-25..2026-11-26", true, LeaveCancel.EndYesterday)]
    [InlineData("2026-11-24..2026-11-30", false, LeaveCancel.RefusedStarted)]
    // Finished: history, for everyone.
    [InlineData("2026-11-20..2026-11-25", true, LeaveCancel.RefusedFinished)]
    [InlineData("2026-11-20..2026-11-25", false, LeaveCancel.RefusedFinished)]
    public void Cancel_AB4_LeaveNotStartedIsRemoved_LeaveUnderWayIsCutToYesterdayByAManager_FinishedLeaveStays(
        string leave, bool byManager, LeaveCancel expected)
    {
        Assert.Equal(expected, LeaveRules.Cancel(Leaves(leave).Single(), Today, byManager));
    }

    private static List<PlannedLeave> Leaves(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((span, i) =>
        {
            var days = span.Split("..");
            return new PlannedLeave { Id = i + 1, StaffMemberId = 1, From = Day(days[0]), To = Day(days[^1]) };
        }).ToList();
}
