using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using static HallOps.Tests.Domain.Calendar.Dates;
using static HallOps.Tests.Domain.Coverage.Holders;

namespace HallOps.Tests.Domain.Coverage;

/// <summary>
/// AB3 / AB4 ahead of time: from planned leave (请假), the posts that will have neither A nor any B
/// on a coming working day. Leave is written "1: 2026-11-25..2026-11-27; 2: 2026-11-25" (staff id,
/// first and last day, both inclusive); a predicted gap "2026-11-25/7" (date / post id).
/// </summary>
public class PredictGapsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    /// <summary>Post 7: A 1 with Bs 2 and 3; post 8: A 4 and no B (AB1 gap); post 9: A 5 with B 6.</summary>
    private static readonly PostHolders[] Posts =
    [
        Post(7, 3, "A1 on, B2 on, B3 on"),
        Post(8, 4, "A4 on"),
        Post(9, 5, "A5 on, B6 on"),
    ];

    [Theory]
    // From Monday 2026-11-23, five working days: Tue 24 … Fri 27, Mon 30.
    [InlineData("1: 2026-11-25; 2: 2026-11-25; 3: 2026-11-25", "2026-11-25/7")]
    [InlineData("1: 2026-11-24..2026-11-27; 2: 2026-11-25; 3: 2026-11-25..2026-11-26", "2026-11-25/7")]
    [InlineData("1: 2026-11-24..2026-11-30", "")]
    [InlineData("1: 2026-11-24..2026-11-30; 2: 2026-11-24..2026-11-30", "")]
    [InlineData("2: 2026-11-24..2026-11-30; 3: 2026-11-24..2026-11-30", "")]
    [InlineData("4: 2026-11-26", "2026-11-26/8")]
    [InlineData("4: 2026-11-26; 5: 2026-11-26; 6: 2026-11-26", "2026-11-26/8, 2026-11-26/9")]
    // Leave over the weekend of 28–29: no gap on the days the hall is closed.
    [InlineData("5: 2026-11-27..2026-11-30; 6: 2026-11-27..2026-11-30", "2026-11-27/9, 2026-11-30/9")]
    [InlineData("4: 2026-11-28..2026-11-29", "")]
    // Today is not counted, nor anything after the fifth working day.
    [InlineData("4: 2026-11-23", "")]
    [InlineData("4: 2026-12-01..2026-12-04", "")]
    [InlineData("", "")]
    public void PredictGaps_AB4_APostIsPredictedUncovered_OnAWorkingDayWhenAAndEveryBAreOnLeave(string leave, string gaps)
    {
        var predicted = CoverageRules.PredictGaps(Posts, Leaves(leave), Day("2026-11-23"), 5, Calendar);

        Assert.Equal(Gaps(gaps), Written(predicted));
    }

    [Theory]
    // 国庆节 2026: 10-01..10-07 off; Sat 10-10 is an adjusted working day, Sun 10-11 is not.
    [InlineData("1: 2026-10-01..2026-10-07; 2: 2026-10-01..2026-10-07; 3: 2026-10-01..2026-10-07", "")]
    [InlineData("1: 2026-10-03..2026-10-11; 2: 2026-10-03..2026-10-11; 3: 2026-10-03..2026-10-11",
        "2026-10-08/7, 2026-10-09/7, 2026-10-10/7")]
    [InlineData("4: 2026-10-10..2026-10-11", "2026-10-10/8")]
    [InlineData("4: 2026-10-11", "")]
    [InlineData("5: 2026-09-30..2026-10-08; 6: 2026-10-08", "2026-10-08/9")]
    public void PredictGaps_AB4_LeaveOverAHolidayOrWeekend_PredictsGapsOnlyOnTheDaysTheHallWorks(string leave, string gaps)
    {
        var predicted = CoverageRules.PredictGaps(Posts, Leaves(leave), Day("2026-09-30"), 5, Calendar);

        Assert.Equal(Gaps(gaps), Written(predicted));
    }

    [Theory]
    [InlineData("2026-09-30", 5, "2026-10-08, 2026-10-09, 2026-10-10, 2026-10-12, 2026-10-13")] // over 国庆节
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-30", 0, "")]
    [InlineData("2026-10-03", 1, "2026-10-08")]                  // from inside the holiday
    [InlineData("2026-10-09", 2, "2026-10-10, 2026-10-12")]      // Fri → adjusted Sat, then Mon
    [InlineData("2026-09-18", 2, "2026-09-20, 2026-09-21")]      // Fri → adjusted Sun 09-20, then Mon
    [InlineData("2026-09-24", 2, "2026-09-28, 2026-09-29")]      // over 中秋节 (09-25..09-27)
    [InlineData("2026-11-25", 3, "2026-11-26, 2026-11-27, 2026-11-30")]
    public void PredictGaps_LooksAtTheNextNWorkingDaysAfterToday_SkippingHolidaysAndCountingAdjustedWorkdays(
        string today, int workingDays, string days)
    {
        // Post 8 has only its A, who is on leave all autumn: every day looked at is a gap.
        var predicted = CoverageRules.PredictGaps(Posts, Leaves("4: 2026-09-01..2026-12-31"), Day(today), workingDays, Calendar);

        Assert.Equal(Split(days).Select(Day), predicted.Select(g => g.Date));
        Assert.All(predicted, g => Assert.Equal((8, 4), (g.PostId, g.WindowId)));
    }

    private static IEnumerable<PlannedLeave> Leaves(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((entry, i) =>
        {
            var (staff, span) = entry.Split(':', StringSplitOptions.TrimEntries) is [var s, var d]
                ? (int.Parse(s, CultureInfo.InvariantCulture), d)
                : throw new FormatException($"'{entry}' is not leave such as '1: 2026-11-25..2026-11-27'.");
            var days = span.Split("..");
            return new PlannedLeave { Id = i + 1, StaffMemberId = staff, From = Day(days[0]), To = Day(days[^1]) };
        });

    private static IEnumerable<string> Gaps(string text) => Split(text).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Written(IEnumerable<PredictedGap> gaps) =>
        gaps.Select(g => $"{g.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{g.PostId}").Order(StringComparer.Ordinal);

    private static string[] Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
