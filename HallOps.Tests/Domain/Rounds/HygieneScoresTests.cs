using HallOps.Domain.Rounds;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Rounds;

/// <summary>
/// HY4 "results count in window and staff assessment", HY2 the daily self-check: a month's hygiene
/// lines per window and per person — completed inspections, their average score and failed items,
/// rectifications on time or late, self-checks done or missed. Window 1's A holder is person 101,
/// window 2's is 102; the month is November 2026, read on the 25th.
/// </summary>
public class HygieneScoresTests
{
    private static readonly DateOnly Today = Day("2026-11-25");

    [Theory]
    [InlineData("2026-11-12", "2026-11-11", true)]
    [InlineData("2026-11-12", "2026-11-12", true)]
    [InlineData("2026-11-12", "2026-11-13", false)]
    [InlineData("2026-11-24", null, false)]
    [InlineData("2026-11-25", null, null)]
    [InlineData("2026-11-27", null, null)]
    public void HY4_ARectificationIsOnTimeWhenDoneByItsDate_LateWhenDoneAfterOrStillOpenPastIt(string due, string? done, bool? onTime) =>
        Assert.Equal(onTime, HygieneScores.OnTime(Day(due), done is null ? null : Day(done), Today));

    private static HygieneRound Inspection(long id, int window, int staff, string date, RoundState state, int? score, int failed) =>
        new(id, RoundKind.HygieneInspection, window, staff, Day(date), state, score, failed);

    private static HygieneRound SelfCheck(long id, int window, int staff, string date, RoundState state) =>
        new(id, RoundKind.HygieneSelfCheck, window, staff, Day(date), state, state is RoundState.Done or RoundState.Late ? 100 : null, 0);

    [Fact]
    public void HY4_HY2_TheMonthsLines_CountCompletedInspections_RectificationsByTheirInspectionsMonth_AndSelfChecksDoneOrMissed()
    {
        HygieneRound[] rounds =
        [
            Inspection(1, 1, 101, "2026-11-02", RoundState.Done, 80, 1),
            Inspection(2, 1, 101, "2026-11-16", RoundState.Late, 95, 1),
            Inspection(3, 1, 101, "2026-11-23", RoundState.Due, null, 0),        // not done yet: not counted
            Inspection(4, 1, 101, "2026-10-26", RoundState.Done, 40, 3),         // October: not this month
            Inspection(5, 2, 102, "2026-11-09", RoundState.Missed, null, 0),     // the inspector missed it: not the window's
            Inspection(6, 2, 101, "2026-11-20", RoundState.Done, 100, 0),        // 101 was window 2's A that day
            new(7, RoundKind.HygieneInspection, null, null, Day("2026-11-02"), RoundState.Done, 60, 2), // a public area (HY3)
            SelfCheck(10, 1, 101, "2026-11-02", RoundState.Done),
            SelfCheck(11, 1, 101, "2026-11-03", RoundState.Late),
            SelfCheck(12, 1, 101, "2026-11-04", RoundState.Missed),
            SelfCheck(13, 1, 101, "2026-11-26", RoundState.Due),                 // still to do: not counted
            SelfCheck(14, 2, 102, "2026-11-04", RoundState.Missed),
        ];
        HygieneRectification[] rectifications =
        [
            new(100, 1, Day("2026-11-02"), Day("2026-11-04"), Day("2026-11-03")),  // on time
            new(101, 2, Day("2026-11-16"), Day("2026-11-18"), Day("2026-11-20")),  // done late
            new(102, 4, Day("2026-10-26"), Day("2026-10-28"), null),               // raised in October
            new(103, 7, Day("2026-11-02"), Day("2026-11-04"), null),               // a public area's
        ];

        var month = HygieneScores.Compute(2026, 11, Today, rounds, rectifications);

        Assert.Equal([1, 2], month.Windows.Select(w => w.Id));
        Assert.Equal(new HygieneScoreLine(1, 2, 87.5, 2, 1, 1, 0, 2, 1), month.Windows[0]);
        Assert.Equal(new HygieneScoreLine(2, 1, 100, 0, 0, 0, 0, 0, 1), month.Windows[1]);
        // Person 101: window 1's month and the window-2 inspection on a day they were its A holder.
        Assert.Equal([101, 102], month.Staff.Select(s => s.Id));
        Assert.Equal(new HygieneScoreLine(101, 3, 91.7, 2, 1, 1, 0, 2, 1), month.Staff[0]);
        Assert.Equal(new HygieneScoreLine(102, 0, null, 0, 0, 0, 0, 0, 1), month.Staff[1]);
    }

    [Fact]
    public void HY4_ARectificationStillOpenPastItsDate_CountsAsLate_AndOneWithinItsTime_AsOpen()
    {
        HygieneRound[] rounds = [Inspection(1, 3, 103, "2026-11-20", RoundState.Done, 60, 2)];
        HygieneRectification[] rectifications =
        [
            new(1, 1, Day("2026-11-20"), Day("2026-11-24"), null),
            new(2, 1, Day("2026-11-20"), Day("2026-11-26"), null),
        ];

        var line = Assert.Single(HygieneScores.Compute(2026, 11, Today, rounds, rectifications).Windows);

        Assert.Equal((0, 1, 1), (line.RectificationsOnTime, line.RectificationsLate, line.RectificationsOpen));
        Assert.Equal((60.0, 2), (line.AverageScore, line.FailedItems));
    }

    [Fact]
    public void HY4_AMonthWithNothing_HasNoLines()
    {
        var month = HygieneScores.Compute(2026, 12, Today, [Inspection(1, 1, 101, "2026-11-02", RoundState.Done, 80, 1)], []);

        Assert.Empty(month.Windows);
        Assert.Empty(month.Staff);
    }
}
