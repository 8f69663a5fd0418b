namespace HallOps.Domain.Calendar;

/// <summary>
/// The hall's working calendar ("Working days", TL0/TL1): Monday to Friday are working days,
/// statutory holidays (节假日) are not, adjusted working days (调休上班) on a weekend are; the hall
/// is open during its season's morning and afternoon sessions, in its own time zone.
/// Limits count working days (《行政许可法》第八十二条: 期限以工作日计算，不含法定节假日).
/// <para>
/// Immutable and thread-safe: the days are copied when the calendar is built, and it never reads
/// the clock — every instant is passed in.
/// </para>
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, (CalendarDayKind Kind, string Name)> _exceptions = [];

    /// <param name="zone">The hall's time zone.</param>
    /// <param name="days">Dates that depart from the Monday–Friday rule; a date given twice keeps the last entry.</param>
    /// <param name="hours">The hall's opening hours.</param>
    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<CalendarDay> days, OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(hours);

        foreach (var day in days)
        {
            if (day is null)
            {
                throw new ArgumentException("The calendar days cannot contain null.", nameof(days));
            }

            if (day.Kind is not (CalendarDayKind.Holiday or CalendarDayKind.AdjustedWorkday))
            {
                throw new ArgumentException(
                    $"Calendar day {day.Date:yyyy-MM-dd} ('{day.Name}') has kind {(int)day.Kind}, which is neither Holiday nor AdjustedWorkday.",
                    nameof(days));
            }

            _exceptions[day.Date] = (day.Kind, day.Name);
        }

        Zone = zone;
        Hours = hours;
    }

    /// <summary>Asia/Shanghai, the State Council's calendars (<see cref="OfficialHolidays"/>) and <see cref="OpeningHours.Default"/>.</summary>
    public static WorkingCalendar ChinaDefault() =>
        new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), OfficialHolidays.Load(), OpeningHours.Default);

    /// <summary>The hall's time zone: dates and opening hours are read in it.</summary>
    public TimeZoneInfo Zone { get; }

    public OpeningHours Hours { get; }

    /// <summary>Monday to Friday, less holidays, plus adjusted working days.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var exception)
            ? exception.Kind == CalendarDayKind.AdjustedWorkday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The holiday or adjusted working day on this date, if it is one (a new instance).</summary>
    public CalendarDay? Describe(DateOnly date) =>
        _exceptions.TryGetValue(date, out var exception)
            ? new CalendarDay { Date = date, Kind = exception.Kind, Name = exception.Name }
            : null;

    /// <summary>The hall's date at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>
    /// The instant of a local date and time in the hall's zone. In a zone with daylight saving, a
    /// time skipped by the change is read with the offset before it (so it lands after the change),
    /// and a repeated time takes the standard-time offset.
    /// </summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly localTime)
    {
        var local = date.ToDateTime(localTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>
    /// Whether the hall is open: a working day, and inside the morning or afternoon session of that
    /// date's season (start inclusive, end exclusive), in the hall's zone.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset instant)
    {
        var local = ToLocal(instant).DateTime;
        var date = DateOnly.FromDateTime(local);
        return IsWorkingDay(date) && Hours.SeasonOn(date).IsOpenAt(TimeOnly.FromDateTime(local));
    }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/>, which itself is
    /// not counted. With 0 days (即办件): <paramref name="start"/> if it is a working day, else the next one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return IsWorkingDay(start) ? start : NextWorkingDay(start);
        }

        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The working days in (<paramref name="from"/>, <paramref name="to"/>]; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from; date < to;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));

        return date;
    }

    /// <summary>
    /// The next time the hall opens its doors: the earliest session start at or after
    /// <paramref name="instant"/> (so while a session is running, the start of the next one).
    /// Null only when no working day remains before the end of the representable dates.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        while (true)
        {
            if (IsWorkingDay(date))
            {
                var season = Hours.SeasonOn(date);
                var morning = ToInstant(date, season.Morning.Start);
                if (morning >= instant)
                {
                    return morning;
                }

                var afternoon = ToInstant(date, season.Afternoon.Start);
                if (afternoon >= instant)
                {
                    return afternoon;
                }
            }

            if (date == DateOnly.MaxValue)
            {
                return null;
            }

            date = date.AddDays(1);
        }
    }

    /// <summary>The instant the hall closes on a working day: the end of its season's afternoon session.</summary>
    /// <exception cref="ArgumentException"><paramref name="workingDay"/> is not a working day.</exception>
    public DateTimeOffset ClosingOf(DateOnly workingDay)
    {
        if (!IsWorkingDay(workingDay))
        {
            var reason = Describe(workingDay) is { } day ? $"{day.Name} holiday" : workingDay.DayOfWeek.ToString();
            throw new ArgumentException($"{workingDay:yyyy-MM-dd} is not a working day ({reason}); the hall does not open.", nameof(workingDay));
        }

        return ToInstant(workingDay, Hours.SeasonOn(workingDay).Afternoon.End);
    }

    private DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
