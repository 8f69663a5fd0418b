using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Cases;

/// <summary>
/// The statutory clock (TL0, TL3, TL5) on the real 2026 calendar: counting starts the working day
/// after acceptance and ends at the close of the last counted day; holidays and weekends do not
/// count, adjusted working days do; paused days do not count; an extension counts only when
/// recorded before the deadline.
/// </summary>
public class CaseClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    private static CaseClockResult Clock(string accepted, int days, ClockPause[]? pauses = null, ClockExtension[]? extensions = null) =>
        CaseClock.Compute(Instant(accepted), days, pauses ?? [], extensions ?? [], Calendar);

    private static DateTimeOffset ClosingOf(string date) => Calendar.ClosingOf(Day(date));

    [Theory]
    // TL0: five working days from the eve of National Day: 1–7 October off, Saturday the 10th worked.
    [InlineData("2026-09-30T10:00+08:00", 5, "2026-10-13")]
    // TL0: accepted on the adjusted working Sunday 20 September: counting starts on Monday.
    [InlineData("2026-09-20T09:00+08:00", 3, "2026-09-23")]
    // TL0: accepted on a Saturday off: the first counted day is the adjusted working Sunday after it.
    [InlineData("2026-09-19T11:00+08:00", 1, "2026-09-20")]
    // TL0: an ordinary week: Monday + 3 → Thursday; over a weekend: Thursday + 2 → Monday.
    [InlineData("2026-11-02T15:00+08:00", 3, "2026-11-05")]
    [InlineData("2026-11-05T15:00+08:00", 2, "2026-11-09")]
    // TL0: the Spring Festival: Friday 13 February + 2 → Saturday 14th (worked), then the holiday, then Tuesday 24th.
    [InlineData("2026-02-13T10:00+08:00", 2, "2026-02-24")]
    public void TL0_DueAtTheCloseOfTheLastCountedWorkingDay(string accepted, int days, string due)
    {
        var clock = Clock(accepted, days);

        Assert.Equal(ClosingOf(due), clock.DueAt);
        Assert.False(clock.Paused);
        Assert.Equal(days, clock.Steps.Count(s => s.Kind is ClockStepKind.Counted or ClockStepKind.AdjustedWorkday));
        Assert.Equal(ClockStepKind.Due, clock.Steps[^1].Kind);
    }

    [Fact]
    public void TL0_TheExplanationListsEveryDay_HolidaysSkipped_TheAdjustedSaturdayCounted()
    {
        var clock = Clock("2026-09-30T10:00+08:00", 5);

        var lines = clock.Steps.Select(s => $"{s.Date:MM-dd} {s.Kind} {s.Day}{(s.Name is null ? "" : " " + s.Name)}").ToList();
        Assert.Equal(
        [
            "09-30 Accepted 0",
            "10-01 Holiday  国庆节", "10-02 Holiday  国庆节", "10-03 Holiday  国庆节", "10-04 Holiday  国庆节",
            "10-05 Holiday  国庆节", "10-06 Holiday  国庆节", "10-07 Holiday  国庆节",
            "10-08 Counted 1", "10-09 Counted 2", "10-10 AdjustedWorkday 3 国庆节", "10-11 Weekend ",
            "10-12 Counted 4", "10-13 Counted 5",
            "10-13 Due 5",
        ], lines);
    }

    [Theory]
    // 即办件: due at the close of the day of acceptance …
    [InlineData("2026-11-23T10:00+08:00", "2026-11-23")]
    // … or of the next working day when accepted after closing or on a day off.
    [InlineData("2026-11-23T18:30+08:00", "2026-11-24")]
    [InlineData("2026-11-28T10:00+08:00", "2026-11-30")]
    [InlineData("2026-10-03T10:00+08:00", "2026-10-08")]
    public void TL0_InstantMatters_AreDueTheSameWorkingDay(string accepted, string due)
    {
        var clock = Clock(accepted, 0);

        Assert.Equal(ClosingOf(due), clock.DueAt);
        Assert.Equal(clock.DueAt, clock.DueSoonAt);
    }

    [Fact]
    public void TL3_APauseAcrossTheSpringFestival_CountsNoneOfItsWorkingDays()
    {
        // Accepted Tuesday 10 February, 5 days; supplement asked on Wednesday the 11th, arrived Wednesday the 25th.
        var pause = new ClockPause(Instant("2026-02-11T10:00+08:00"), Instant("2026-02-25T10:00+08:00"));

        var clock = Clock("2026-02-10T10:00+08:00", 5, [pause]);

        // The 11th counts (1); the 12th, 13th, the worked Saturday 14th, the 24th and the 25th are paused;
        // 26th, 27th, worked Saturday 28th, Monday 2 March → 2, 3, 4, 5.
        Assert.Equal(ClosingOf("2026-03-02"), clock.DueAt);
        Assert.Equal(
            ["2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25"],
            clock.Steps.Where(s => s.Kind == ClockStepKind.Paused).Select(s => s.Date.ToString("yyyy-MM-dd")));
        Assert.Equal(9, clock.Steps.Count(s => s.Kind == ClockStepKind.Holiday));
        Assert.Equal(ClosingOf("2026-10-13"), Clock("2026-09-30T10:00+08:00", 5).DueAt); // unpaused, for contrast
    }

    [Fact]
    public void TL3_AnOpenPause_StopsTheClock_NoDueTimeUntilItEnds()
    {
        var clock = Clock("2026-11-02T10:00+08:00", 5, [new ClockPause(Instant("2026-11-03T11:00+08:00"), null)]);

        Assert.True(clock.Paused);
        Assert.Null(clock.DueAt);
        Assert.Null(clock.DueSoonAt);
        var stopped = clock.Steps[^1];
        Assert.Equal((ClockStepKind.PausedSince, Day("2026-11-03"), 1), (stopped.Kind, stopped.Date, stopped.Day));
    }

    [Fact]
    public void TL5_AnExtensionRecordedBeforeTheDeadline_AddsItsWorkingDays()
    {
        var clock = Clock("2026-11-02T10:00+08:00", 3, extensions: [new ClockExtension(5, Instant("2026-11-04T10:00+08:00"))]);

        Assert.Equal(ClosingOf("2026-11-12"), clock.DueAt);
        Assert.Equal(8, clock.DaysTotal);
        Assert.Empty(clock.ExtensionsRefused);
        Assert.Contains(clock.Steps, s => s is { Kind: ClockStepKind.Extended, Day: 5 } && s.Date == Day("2026-11-04"));
    }

    [Fact]
    public void TL5_AnExtensionAfterTheDeadline_IsRefused_TheDueTimeStands()
    {
        var late = new ClockExtension(10, Instant("2026-11-06T09:00+08:00"));

        var clock = Clock("2026-11-02T10:00+08:00", 3, extensions: [late]);

        Assert.Equal(ClosingOf("2026-11-05"), clock.DueAt);
        Assert.Equal([late], clock.ExtensionsRefused);
        Assert.DoesNotContain(clock.Steps, s => s.Kind == ClockStepKind.Extended);
    }

    [Fact]
    public void TL5_YellowAtTheCloseOfTheDayBeforeTheLastCountedDay_RedAtTheDueTime()
    {
        var clock = Clock("2026-09-30T10:00+08:00", 5);

        Assert.Equal(ClosingOf("2026-10-12"), clock.DueSoonAt);
        Assert.Equal(CaseLight.None, CaseClock.LightAt(Instant("2026-10-12T10:00+08:00"), clock.DueSoonAt, clock.DueAt));
        Assert.Equal(CaseLight.Yellow, CaseClock.LightAt(ClosingOf("2026-10-12"), clock.DueSoonAt, clock.DueAt));
        Assert.Equal(CaseLight.Yellow, CaseClock.LightAt(Instant("2026-10-13T16:59+08:00"), clock.DueSoonAt, clock.DueAt));
        Assert.Equal(CaseLight.Red, CaseClock.LightAt(ClosingOf("2026-10-13"), clock.DueSoonAt, clock.DueAt));

        Assert.Equal(clock.DueSoonAt, CaseClock.NextLightChange(Instant("2026-10-08T10:00+08:00"), clock.DueSoonAt, clock.DueAt));
        Assert.Equal(clock.DueAt, CaseClock.NextLightChange(Instant("2026-10-13T10:00+08:00"), clock.DueSoonAt, clock.DueAt));
        Assert.Null(CaseClock.NextLightChange(Instant("2026-10-14T10:00+08:00"), clock.DueSoonAt, clock.DueAt));
    }

    [Fact]
    public void TL5_AOneDayCase_IsYellowFromAcceptance()
    {
        var clock = Clock("2026-11-02T10:00+08:00", 1);

        Assert.Equal(Instant("2026-11-02T10:00+08:00"), clock.DueSoonAt);
        Assert.Equal(ClosingOf("2026-11-03"), clock.DueAt);
    }
}
