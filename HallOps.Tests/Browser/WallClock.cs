using HallOps.Domain.Calendar;

namespace HallOps.Tests.Browser;

/// <summary>
/// Instants for browser tests of the wall, whose mode follows the hall's calendar (day between
/// opening and closing on a working day, evening otherwise): a test of one mode pins the app's
/// clock to an instant of that mode instead of depending on when it runs.
/// </summary>
public static class WallClock
{
    /// <summary>
    /// The latest instant not after now (real time) that is <paramref name="localTime"/> in the hall's
    /// zone on a working day of the official calendar (the one the demo hall is seeded with).
    /// </summary>
    public static DateTimeOffset LastWorkingDayAt(TimeOnly localTime)
    {
        var calendar = WorkingCalendar.ChinaDefault();
        var now = TimeProvider.System.GetUtcNow();
        for (var date = calendar.LocalDate(now); ; date = date.AddDays(-1))
        {
            var instant = calendar.ToInstant(date, localTime);
            if (calendar.IsWorkingDay(date) && instant <= now)
            {
                return instant;
            }
        }
    }
}
