using HallOps.Domain.Calendar;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Calendar;

/// <summary>
/// The State Council's holiday arrangements embedded in the domain, which seed the hall's
/// calendar ("Working days": statutory holidays off, adjusted working days on).
/// </summary>
public class OfficialHolidaysTests
{
    private static readonly IReadOnlyList<CalendarDay> Days = OfficialHolidays.Load();

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void TheOfficialCalendar_CoversTheYear(int year)
    {
        Assert.Contains(Days, d => d.Date.Year == year && d.Kind == CalendarDayKind.Holiday);
        Assert.Contains(Days, d => d.Date.Year == year && d.Kind == CalendarDayKind.AdjustedWorkday);
    }

    [Theory]
    [InlineData("2026-02-14", CalendarDayKind.AdjustedWorkday, "春节")]
    [InlineData("2026-02-15", CalendarDayKind.Holiday, "春节")]
    [InlineData("2026-02-28", CalendarDayKind.AdjustedWorkday, "春节")]
    [InlineData("2026-10-01", CalendarDayKind.Holiday, "国庆节")]
    [InlineData("2026-09-20", CalendarDayKind.AdjustedWorkday, "国庆节")]
    [InlineData("2026-01-04", CalendarDayKind.AdjustedWorkday, "元旦")]
    [InlineData("2025-10-01", CalendarDayKind.Holiday, "国庆节、中秋节")] // a combined name is kept as published
    [InlineData("2025-01-26", CalendarDayKind.AdjustedWorkday, "春节")]
    [InlineData("2024-02-04", CalendarDayKind.AdjustedWorkday, "春节")]
    [InlineData("2024-10-07", CalendarDayKind.Holiday, "国庆节")]
    public void AnOfficialDay_IsAHolidayOrAnAdjustedWorkdayWithItsName(string date, CalendarDayKind kind, string name)
    {
        var day = Assert.Single(Days, d => d.Date == Day(date));
        Assert.Equal((kind, name), (day.Kind, day.Name));
    }

    [Theory]
    // Days off and days worked in exchange, as the State Council published them.
    [InlineData(2026, "春节", 9, 2)]
    [InlineData(2026, "国庆节", 7, 2)]
    [InlineData(2026, "中秋节", 3, 0)]
    [InlineData(2026, "元旦", 3, 1)]
    [InlineData(2025, "春节", 8, 2)]
    [InlineData(2025, "国庆节、中秋节", 8, 2)]
    [InlineData(2025, "端午节", 3, 0)]
    [InlineData(2024, "劳动节", 5, 2)]
    public void EachOfficialHoliday_HasItsPublishedDaysOffAndDaysWorked(int year, string name, int off, int worked)
    {
        var days = Days.Where(d => d.Date.Year == year && d.Name == name).ToList();

        Assert.Equal(off, days.Count(d => d.Kind == CalendarDayKind.Holiday));
        Assert.Equal(worked, days.Count(d => d.Kind == CalendarDayKind.AdjustedWorkday));
    }

    [Fact]
    public void TheOfficialDays_AreInDateOrderWithoutRepeats()
    {
        for (var i = 1; i < Days.Count; i++)
        {
            Assert.True(Days[i - 1].Date < Days[i].Date, $"{Days[i - 1].Date:yyyy-MM-dd} is listed before {Days[i].Date:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void AnAdjustedWorkday_IsAlwaysOnAWeekend()
    {
        Assert.All(
            Days.Where(d => d.Kind == CalendarDayKind.AdjustedWorkday),
            d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d.Date:yyyy-MM-dd} is a {d.Date.DayOfWeek}"));
    }

    [Fact]
    public void EachLoad_GivesItsOwnDays()
    {
        var first = OfficialHolidays.Load();
        first[0].Name = "changed";

        Assert.NotEqual("changed", OfficialHolidays.Load()[0].Name);
    }
}
