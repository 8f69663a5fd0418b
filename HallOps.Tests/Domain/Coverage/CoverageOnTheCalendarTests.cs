using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using static HallOps.Tests.Domain.Calendar.Dates;
using static HallOps.Tests.Domain.Coverage.Holders;

namespace HallOps.Tests.Domain.Coverage;

/// <summary>
/// AB4 / SC2.2 at real instants on the hall's calendar (Asia/Shanghai, the State Council's 2026
/// holidays and adjusted working days): someone is owed on post only during opening hours — 冬季
/// from 10-01, 08:30–12:00 and 14:00–17:00; 夏季 from 05-01, 08:30–12:00 and 14:30–17:30.
/// </summary>
public class CoverageOnTheCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    [Theory]
    // Wednesday 2026-11-25, winter hours: start inclusive, end exclusive.
    [InlineData("2026-11-25T08:29+08:00", false)]
    [InlineData("2026-11-25T08:30+08:00", true)]
    [InlineData("2026-11-25T10:00+08:00", true)]
    [InlineData("2026-11-25T11:59+08:00", true)]
    [InlineData("2026-11-25T12:00+08:00", false)]    // lunch break
    [InlineData("2026-11-25T12:30+08:00", false)]    // lunch break
    [InlineData("2026-11-25T14:00+08:00", true)]     // winter afternoon
    [InlineData("2026-11-25T16:59+08:00", true)]
    [InlineData("2026-11-25T17:00+08:00", false)]
    [InlineData("2026-11-25T18:00+08:00", false)]    // evening
    // The same Wednesday written in other offsets: the hall's clock decides.
    [InlineData("2026-11-25T02:00Z", true)]          // 10:00 in the hall
    [InlineData("2026-11-24T18:00-08:00", true)]     // Tue evening there = Wed 10:00 in the hall
    [InlineData("2026-11-25T10:00Z", false)]         // 18:00 in the hall
    // Weekends and holidays: closed; adjusted working days (调休上班): open.
    [InlineData("2026-11-28T10:00+08:00", false)]    // an ordinary Saturday
    [InlineData("2026-10-01T10:00+08:00", false)]    // Thu, 国庆节
    [InlineData("2026-10-10T10:00+08:00", true)]     // Sat, adjusted working day
    [InlineData("2026-02-14T14:10+08:00", true)]     // Sat, adjusted working day, winter afternoon from 14:00
    // Summer: the afternoon starts at 14:30 and runs to 17:30.
    [InlineData("2026-06-10T14:10+08:00", false)]
    [InlineData("2026-06-10T14:30+08:00", true)]
    [InlineData("2026-06-10T17:15+08:00", true)]
    public void Evaluate_AB4_SC2_2_APostWithNobodyOnIt_IsAGapDuringOpeningHours_AndClosedOtherwise(string instant, bool open)
    {
        PostHolders[] posts =
        [
            Post(7, 3, "A1 away, B2 off"),
            Post(8, 3, "A4 on, B5 off"),
            Post(9, 4, "A6 away, B7 on"),
        ];

        var coverage = CoverageRules.Evaluate(posts, Instant(instant), Calendar);

        CoverageState[] expected = open
            ? [CoverageState.Gap, CoverageState.ByA, CoverageState.ByB]
            : [CoverageState.Closed, CoverageState.Closed, CoverageState.Closed];
        Assert.Equal(expected, coverage.Select(c => c.State));
        Assert.Equal([7, 8, 9], coverage.Select(c => c.PostId));
        Assert.Equal([open, false, open], coverage.Select(c => c.TakeOverNeeded));
    }
}
