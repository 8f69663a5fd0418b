using HallOps.Domain.Calendar;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Calendar;

/// <summary>
/// "Working days" (REGULATIONS.md, under TL): limits count working days of the hall's calendar —
/// weekends off, statutory holidays off, the State Council's adjusted working days (调休上班) on.
/// The dates are the official 2025 and 2026 arrangements embedded in the domain.
/// </summary>
public class WorkingDayTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    [Theory]
    // Ordinary weeks: Monday to Friday on, the weekend off.
    [InlineData("2026-03-04", true)]  // Wed
    [InlineData("2026-03-06", true)]  // Fri
    [InlineData("2026-03-07", false)] // Sat
    [InlineData("2026-03-08", false)] // Sun
    // 2026 元旦: Thu 01-01 .. Sat 01-03 off, Sun 01-04 worked.
    [InlineData("2026-01-02", false)] // Fri, holiday
    [InlineData("2026-01-04", true)]  // Sun, adjusted working day
    // 2026 春节: Sun 02-15 .. Mon 02-23 off; Sat 02-14 and Sat 02-28 worked.
    [InlineData("2026-02-13", true)]  // Fri before the holiday
    [InlineData("2026-02-14", true)]  // Sat, adjusted working day
    [InlineData("2026-02-15", false)] // Sun, first day off
    [InlineData("2026-02-16", false)] // Mon, holiday
    [InlineData("2026-02-20", false)] // Fri, holiday
    [InlineData("2026-02-23", false)] // Mon, last day off
    [InlineData("2026-02-24", true)]  // Tue, back at work
    [InlineData("2026-02-28", true)]  // Sat, adjusted working day
    [InlineData("2026-03-01", false)] // Sun, an ordinary weekend again
    // 2026 中秋节 Fri 09-25 .. Sun 09-27 and 国庆节 Thu 10-01 .. Wed 10-07 off; Sun 09-20 and Sat 10-10 worked.
    [InlineData("2026-09-20", true)]  // Sun, adjusted working day
    [InlineData("2026-09-25", false)] // Fri, Mid-Autumn holiday
    [InlineData("2026-10-01", false)] // Thu, National Day
    [InlineData("2026-10-05", false)] // Mon, holiday
    [InlineData("2026-10-07", false)] // Wed, last day off
    [InlineData("2026-10-08", true)]  // Thu, back at work
    [InlineData("2026-10-10", true)]  // Sat, adjusted working day
    [InlineData("2026-10-11", false)] // Sun
    // 2025 春节: Tue 01-28 .. Tue 02-04 off; Sun 01-26 and Sat 02-08 worked.
    [InlineData("2025-01-26", true)]  // Sun, adjusted working day
    [InlineData("2025-01-27", true)]  // Mon, an ordinary working day not listed in the calendar
    [InlineData("2025-01-28", false)] // Tue, first day off
    [InlineData("2025-02-04", false)] // Tue, last day off
    [InlineData("2025-02-05", true)]  // Wed, back at work
    [InlineData("2025-02-08", true)]  // Sat, adjusted working day
    [InlineData("2025-02-09", false)] // Sun
    // 2025 国庆节、中秋节: Wed 10-01 .. Wed 10-08 off; Sun 09-28 and Sat 10-11 worked.
    [InlineData("2025-09-28", true)]  // Sun, adjusted working day
    [InlineData("2025-10-08", false)] // Wed, last day off
    [InlineData("2025-10-09", true)]  // Thu, back at work
    [InlineData("2025-10-11", true)]  // Sat, adjusted working day
    // 2025 端午节: Sat 05-31 .. Mon 06-02 off, no day worked in exchange.
    [InlineData("2025-06-02", false)] // Mon, holiday
    public void IsWorkingDay_IsMondayToFridayLessHolidaysPlusAdjustedWorkdays(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-14")] // Fri → Sat 02-14, an adjusted working day
    [InlineData("2026-02-14", "2026-02-24")] // Sat (worked) → the whole 春节 (02-15..02-23) is skipped
    [InlineData("2026-02-24", "2026-02-25")] // Tue → Wed
    [InlineData("2026-02-27", "2026-02-28")] // Fri → Sat 02-28, an adjusted working day
    [InlineData("2026-03-06", "2026-03-09")] // Fri → Mon over an ordinary weekend
    [InlineData("2026-09-30", "2026-10-08")] // Wed → Thu after 国庆节 10-01..10-07
    [InlineData("2025-12-31", "2026-01-04")] // Wed → Sun 01-04 over 元旦 01-01..01-03
    [InlineData("2025-01-27", "2025-02-05")] // Mon → Wed after 春节 01-28..02-04
    public void NextWorkingDay_IsTheFirstWorkingDayStrictlyAfterTheDate(string date, string next)
    {
        Assert.Equal(Day(next), Calendar.NextWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("2026-02-14", CalendarDayKind.AdjustedWorkday, "春节")]
    [InlineData("2026-02-16", CalendarDayKind.Holiday, "春节")]
    [InlineData("2026-09-20", CalendarDayKind.AdjustedWorkday, "国庆节")]
    [InlineData("2026-09-25", CalendarDayKind.Holiday, "中秋节")]
    [InlineData("2025-10-01", CalendarDayKind.Holiday, "国庆节、中秋节")]
    public void Describe_NamesTheHolidayOrAdjustedWorkdayOnThatDate(string date, CalendarDayKind kind, string name)
    {
        var day = Calendar.Describe(Day(date));

        Assert.NotNull(day);
        Assert.Equal((Day(date), kind, name), (day.Date, day.Kind, day.Name));
    }

    [Theory]
    [InlineData("2026-03-04")] // an ordinary Wednesday
    [InlineData("2026-03-07")] // an ordinary Saturday
    public void Describe_IsNullOnADayThatFollowsTheWeekdayRule(string date)
    {
        Assert.Null(Calendar.Describe(Day(date)));
    }

    [Fact]
    public void ACalendarDayListedTwice_KeepsTheLastEntry()
    {
        var calendar = new WorkingCalendar(
            TimeZoneInfo.Utc,
            [
                new CalendarDay { Date = Day("2026-03-04"), Kind = CalendarDayKind.Holiday, Name = "first" },
                new CalendarDay { Date = Day("2026-03-07"), Kind = CalendarDayKind.AdjustedWorkday, Name = "first" },
                new CalendarDay { Date = Day("2026-03-04"), Kind = CalendarDayKind.AdjustedWorkday, Name = "second" },
                new CalendarDay { Date = Day("2026-03-07"), Kind = CalendarDayKind.Holiday, Name = "second" },
            ],
            OpeningHours.Default);

        Assert.True(calendar.IsWorkingDay(Day("2026-03-04")));
        Assert.False(calendar.IsWorkingDay(Day("2026-03-07")));
        Assert.Equal("second", calendar.Describe(Day("2026-03-04"))?.Name);
    }

    [Fact]
    public void ChangingACalendarDayAfterwards_DoesNotChangeABuiltCalendar()
    {
        var day = new CalendarDay { Date = Day("2026-03-04"), Kind = CalendarDayKind.Holiday, Name = "县庆" };
        var calendar = new WorkingCalendar(TimeZoneInfo.Utc, [day], OpeningHours.Default);

        day.Kind = CalendarDayKind.AdjustedWorkday;
        day.Date = Day("2026-03-05");

        Assert.False(calendar.IsWorkingDay(Day("2026-03-04")));
        Assert.True(calendar.IsWorkingDay(Day("2026-03-05")));
    }

    [Fact]
    public void ACalendarDayOfNoKnownKind_IsRefused()
    {
        var bad = new CalendarDay { Date = Day("2026-03-04"), Kind = 0, Name = "?" };

        var error = Assert.Throws<ArgumentException>(() => new WorkingCalendar(TimeZoneInfo.Utc, [bad], OpeningHours.Default));
        Assert.Contains("2026-03-04", error.Message);
    }

    [Fact]
    public void ChinaDefault_IsInTheShanghaiZoneWithTheOfficialCalendarAndDefaultHours()
    {
        var calendar = WorkingCalendar.ChinaDefault();

        Assert.Equal(TimeSpan.FromHours(8), calendar.Zone.GetUtcOffset(Instant("2026-07-01T00:00Z")));
        Assert.Equal(TimeSpan.FromHours(8), calendar.Zone.GetUtcOffset(Instant("2026-01-01T00:00Z")));
        Assert.Same(OpeningHours.Default, calendar.Hours);
        Assert.Equal(CalendarDayKind.AdjustedWorkday, calendar.Describe(Day("2026-02-14"))?.Kind);
    }
}
