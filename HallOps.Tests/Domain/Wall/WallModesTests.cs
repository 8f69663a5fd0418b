using HallOps.Domain.Calendar;
using HallOps.Web.Wall;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Wall;

/// <summary>
/// When the wall shows what (SE2.2, SE4, HY2), on the official calendar with the default hours
/// (summer to 30 September: 08:30–17:30; winter from 1 October: 08:30–17:00): evening from closing
/// until 30 minutes before the next opening, and all day when the hall does not open; the night
/// shown is the one begun on the date of the last noon.
/// </summary>
public sealed class WallModesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    [Theory]
    [InlineData("2026-11-26T07:59+08:00", WallMode.Evening, "2026-11-25")] // Thursday: still last night
    [InlineData("2026-11-26T08:00+08:00", WallMode.BeforeOpening, "2026-11-25")] // opening less 30 minutes: 班前自查
    [InlineData("2026-11-26T08:29+08:00", WallMode.BeforeOpening, "2026-11-25")]
    [InlineData("2026-11-26T08:30+08:00", WallMode.Day, "2026-11-25")]
    [InlineData("2026-11-26T12:30+08:00", WallMode.Day, "2026-11-26")] // the lunch break is the day's
    [InlineData("2026-11-26T16:59+08:00", WallMode.Day, "2026-11-26")]
    [InlineData("2026-11-26T17:00+08:00", WallMode.Evening, "2026-11-26")] // winter closing
    [InlineData("2026-11-26T23:59+08:00", WallMode.Evening, "2026-11-26")]
    [InlineData("2026-11-28T10:00+08:00", WallMode.Evening, "2026-11-27")] // Saturday morning: Friday's night
    [InlineData("2026-11-28T14:00+08:00", WallMode.Evening, "2026-11-28")] // Saturday afternoon: Saturday's night
    [InlineData("2026-09-20T08:10+08:00", WallMode.BeforeOpening, "2026-09-19")] // Sunday, adjusted working day (国庆节 调休)
    [InlineData("2026-09-20T17:29+08:00", WallMode.Day, "2026-09-20")] // summer closing 17:30
    [InlineData("2026-09-20T17:30+08:00", WallMode.Evening, "2026-09-20")]
    [InlineData("2026-10-01T09:00+08:00", WallMode.Evening, "2026-09-30")] // 国庆节: the hall does not open
    [InlineData("2026-10-08T08:05+08:00", WallMode.BeforeOpening, "2026-10-07")] // the first working day after it
    [InlineData("2026-10-10T16:59+08:00", WallMode.Day, "2026-10-10")] // Saturday, adjusted working day; winter closing 17:00
    [InlineData("2026-10-10T17:00+08:00", WallMode.Evening, "2026-10-10")]
    public void SE4_TheWallsModeAndNight_FollowTheHallsCalendar(string at, WallMode mode, string night)
    {
        Assert.Equal(mode, WallModes.ModeAt(Instant(at), Calendar, 30));
        Assert.Equal(Day(night), WallModes.NightOf(Instant(at), Calendar));
    }

    [Theory]
    [InlineData("2026-11-26T16:59+08:00", "2026-11-26T17:00+08:00")] // closing
    [InlineData("2026-11-26T17:00+08:00", "2026-11-27T00:00+08:00")] // midnight
    [InlineData("2026-11-27T00:00+08:00", "2026-11-27T08:00+08:00")] // opening less 30 minutes
    [InlineData("2026-11-27T08:00+08:00", "2026-11-27T08:30+08:00")] // opening
    [InlineData("2026-11-27T08:30+08:00", "2026-11-27T12:00+08:00")] // noon: the night shown changes
    [InlineData("2026-11-27T12:00+08:00", "2026-11-27T17:00+08:00")]
    [InlineData("2026-11-28T10:00+08:00", "2026-11-28T12:00+08:00")] // Saturday: noon and midnight only
    [InlineData("2026-11-28T12:00+08:00", "2026-11-29T00:00+08:00")]
    public void TheNextChange_IsTheFirstBoundaryAfterNow(string now, string next) =>
        Assert.Equal(Instant(next), WallModes.NextChange(Instant(now), Calendar, 30));

    [Fact]
    public void HY2_AHallThatChecksAnHourBeforeOpening_LeavesEveningModeThen()
    {
        Assert.Equal(WallMode.BeforeOpening, WallModes.ModeAt(Instant("2026-11-26T07:30+08:00"), Calendar, 60));
        Assert.Equal(Instant("2026-11-27T07:30+08:00"), WallModes.NextChange(Instant("2026-11-27T00:00+08:00"), Calendar, 60));
    }
}
