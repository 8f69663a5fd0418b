using HallOps.Domain.Calendar;

namespace HallOps.Web.Wall;

/// <summary>What the wall screen shows at an instant.</summary>
public enum WallMode
{
    /// <summary>Opening to closing on a working day: windows, coverage, cases, alerts.</summary>
    Day = 0,

    /// <summary>The last minutes before opening on a working day: the day's wall, with the pre-work self-check strip (HY2).</summary>
    BeforeOpening = 1,

    /// <summary>From closing until the next morning, and all day when the hall does not open: shutdown checks, rounds, guard, exceptions (SE2.2, SE4).</summary>
    Evening = 2,
}

/// <summary>
/// When the wall changes what it shows, on the hall's calendar, as pure functions (time comes in):
/// evening from a working day's closing until <c>morningMinutes</c> before the next opening, and
/// all day on a day the hall does not open; before opening from then until opening; day between.
/// The night a wall in evening mode reports on is the one that began on the date of the last noon.
/// </summary>
public static class WallModes
{
    private static readonly TimeOnly Noon = new(12, 0);

    public static WallMode ModeAt(DateTimeOffset now, WorkingCalendar calendar, int morningMinutes)
    {
        var date = calendar.LocalDate(now);
        if (!calendar.IsWorkingDay(date))
        {
            return WallMode.Evening;
        }
        var (opening, closing) = HoursOf(date, calendar);
        return now >= closing ? WallMode.Evening
            : now >= opening ? WallMode.Day
            : now >= opening.AddMinutes(-morningMinutes) ? WallMode.BeforeOpening
            : WallMode.Evening;
    }

    /// <summary>
    /// The date whose evening is shown (its shutdown checks, its 21:00 and 23:30 rounds): today from
    /// noon on, yesterday before noon — so at 05:00 the wall still shows last night.
    /// </summary>
    public static DateOnly NightOf(DateTimeOffset now, WorkingCalendar calendar)
    {
        var date = calendar.LocalDate(now);
        return now >= calendar.ToInstant(date, Noon) ? date : date.AddDays(-1);
    }

    /// <summary>The night's span: from its date's noon to the next day's noon.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) NightSpan(DateOnly night, WorkingCalendar calendar) =>
        (calendar.ToInstant(night, Noon), calendar.ToInstant(night.AddDays(1), Noon));

    /// <summary>
    /// The first instant after <paramref name="now"/> at which the mode, the night or the date
    /// changes (the moment the wall must read again though nothing was saved): at most a day away.
    /// </summary>
    public static DateTimeOffset NextChange(DateTimeOffset now, WorkingCalendar calendar, int morningMinutes)
    {
        var today = calendar.LocalDate(now);
        var next = calendar.ToInstant(today.AddDays(2), TimeOnly.MinValue);
        for (var date = today; date <= today.AddDays(1); date = date.AddDays(1))
        {
            Consider(calendar.ToInstant(date, TimeOnly.MinValue));
            Consider(calendar.ToInstant(date, Noon));
            if (calendar.IsWorkingDay(date))
            {
                var (opening, closing) = HoursOf(date, calendar);
                Consider(opening.AddMinutes(-morningMinutes));
                Consider(opening);
                Consider(closing);
            }
        }
        return next;

        void Consider(DateTimeOffset instant)
        {
            if (instant > now && instant < next)
            {
                next = instant;
            }
        }
    }

    private static (DateTimeOffset Opening, DateTimeOffset Closing) HoursOf(DateOnly workingDay, WorkingCalendar calendar) =>
        (calendar.ToInstant(workingDay, calendar.Hours.SeasonOn(workingDay).Morning.Start), calendar.ClosingOf(workingDay));
}
