using HallOps.Domain.Calendar;

namespace HallOps.Domain.Appointments;

/// <summary>
/// When the hall serves by appointment outside working time (AP1–AP3): on a working day from closing
/// until <see cref="EveningEnd"/>; on a rest day or holiday from <see cref="RestDayStart"/> to
/// <see cref="RestDayEnd"/>. Slots start on a grid of <see cref="GridMinutes"/>.
/// </summary>
public sealed record AppointmentHours(TimeOnly EveningEnd, TimeOnly RestDayStart, TimeOnly RestDayEnd, int GridMinutes)
{
    public static AppointmentHours Default { get; } = new(new TimeOnly(20, 30), new TimeOnly(9, 0), new TimeOnly(17, 0), 30);
}

/// <summary>Why a wanted slot cannot be booked.</summary>
public enum SlotProblem
{
    None = 0,

    /// <summary>The slot has begun or passed.</summary>
    InPast = 1,

    /// <summary>AP1–AP3: the slot touches the hall's opening hours; appointments are for outside them.</summary>
    InsideWorkingHours = 2,

    /// <summary>Outside the after-hours service times (late at night, early morning), or not on the slot grid.</summary>
    OutsideServiceHours = 3,

    /// <summary>AP4.1: less than one whole working day ahead.</summary>
    TooSoon = 4,
}

/// <summary>A wanted slot's verdict, with the earliest slot that would be accepted when it is refused.</summary>
public sealed record SlotCheck(SlotProblem Problem, DateTimeOffset? Earliest)
{
    public bool Ok => Problem == SlotProblem.None;
}

/// <summary>AP4.3: the serving staff member's arrival against the slot.</summary>
public enum ArrivalVerdict
{
    /// <summary>At least 10 minutes before the slot.</summary>
    OnTime = 1,

    /// <summary>Later than 10 minutes before the slot: flagged.</summary>
    Late = 2,
}

/// <summary>
/// The after-hours appointment rules (AP1–AP4.5), pure: every instant is passed in, working days and
/// opening hours come from the <see cref="WorkingCalendar"/>.
/// </summary>
public static class AppointmentRules
{
    /// <summary>AP4.3: the serving staff member checks in this long before the slot.</summary>
    public static readonly TimeSpan ArriveEarly = TimeSpan.FromMinutes(10);

    /// <summary>How far ahead a slot may be booked.</summary>
    public const int MaxDaysAhead = 60;

    /// <summary>
    /// AP4.1: the working day the window gets to prepare — the first working day that opens after the
    /// request (a request during Friday's hours has Monday, not the rest of Friday). The slot must
    /// begin after that day's close.
    /// </summary>
    public static DateOnly PreparationDay(DateTimeOffset requestedAt, WorkingCalendar calendar)
    {
        var opening = calendar.NextOpening(requestedAt) ?? throw new InvalidOperationException("The calendar has no working day left.");
        var day = calendar.LocalDate(opening);
        // NextOpening gives the afternoon session during a morning one: that day has already begun.
        var firstSession = calendar.ToInstant(day, calendar.Hours.SeasonOn(day).Morning.Start);
        return firstSession >= requestedAt ? day : calendar.NextWorkingDay(day);
    }

    /// <summary>
    /// AP4.2: the reply is due by the close of the working day the request was received on — or of the
    /// next working day when it came after closing or on a rest day.
    /// </summary>
    public static DateTimeOffset ReplyDueAt(DateTimeOffset receivedAt, WorkingCalendar calendar)
    {
        var date = calendar.LocalDate(receivedAt);
        if (calendar.IsWorkingDay(date) && receivedAt < calendar.ClosingOf(date))
        {
            return calendar.ClosingOf(date);
        }
        return calendar.ClosingOf(calendar.NextWorkingDay(date));
    }

    /// <summary>The after-hours service periods of a date (local start, local end): the evening of a working day, the day of a rest day.</summary>
    public static (TimeOnly From, TimeOnly To) ServicePeriod(DateOnly date, WorkingCalendar calendar, AppointmentHours hours) =>
        calendar.IsWorkingDay(date)
            ? (calendar.Hours.SeasonOn(date).Afternoon.End, hours.EveningEnd)
            : (hours.RestDayStart, hours.RestDayEnd);

    /// <summary>AP1–AP3: the slot lies wholly in an after-hours service period, on the grid.</summary>
    public static bool IsAfterHours(DateTimeOffset start, TimeSpan duration, WorkingCalendar calendar, AppointmentHours hours)
    {
        var local = TimeZoneInfo.ConvertTime(start, calendar.Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var (from, to) = ServicePeriod(date, calendar, hours);
        var end = local.DateTime.Add(duration);
        return time >= from
            && DateOnly.FromDateTime(end) == date
            && TimeOnly.FromDateTime(end) <= to
            && time.Second == 0 && (time.Hour * 60 + time.Minute) % hours.GridMinutes == 0
            && !TouchesOpeningHours(start, duration, calendar);
    }

    /// <summary>Checks a wanted slot (AP1–AP4.1), with the earliest acceptable slot when it is refused.</summary>
    public static SlotCheck Check(DateTimeOffset requestedAt, DateTimeOffset slotStart, TimeSpan duration, WorkingCalendar calendar, AppointmentHours hours)
    {
        var problem =
            slotStart <= requestedAt ? SlotProblem.InPast
            : TouchesOpeningHours(slotStart, duration, calendar) ? SlotProblem.InsideWorkingHours
            : !IsAfterHours(slotStart, duration, calendar, hours) ? SlotProblem.OutsideServiceHours
            : slotStart < EarliestStart(requestedAt, calendar) ? SlotProblem.TooSoon
            : SlotProblem.None;
        return problem == SlotProblem.None
            ? new SlotCheck(problem, null)
            : new SlotCheck(problem, EarliestSlot(requestedAt, duration, calendar, hours));
    }

    /// <summary>The earliest slot a request made at <paramref name="requestedAt"/> may have (AP4.1), on the grid; null when none within <see cref="MaxDaysAhead"/>.</summary>
    public static DateTimeOffset? EarliestSlot(DateTimeOffset requestedAt, TimeSpan duration, WorkingCalendar calendar, AppointmentHours hours)
    {
        var notBefore = EarliestStart(requestedAt, calendar);
        var firstDate = calendar.LocalDate(notBefore);
        for (var date = firstDate; date <= firstDate.AddDays(MaxDaysAhead); date = date.AddDays(1))
        {
            var (from, to) = ServicePeriod(date, calendar, hours);
            for (var time = Align(from, hours.GridMinutes); time < to && time >= from; time = time.AddMinutes(hours.GridMinutes))
            {
                var start = calendar.ToInstant(date, time);
                if (start >= notBefore && IsAfterHours(start, duration, calendar, hours))
                {
                    return start;
                }
                if (time.AddMinutes(hours.GridMinutes) < time)
                {
                    break;
                }
            }
        }
        return null;
    }

    /// <summary>AP4.3: on time when checked in at least 10 minutes before the slot.</summary>
    public static ArrivalVerdict Arrival(DateTimeOffset checkedInAt, DateTimeOffset slotStart) =>
        checkedInAt <= slotStart - ArriveEarly ? ArrivalVerdict.OnTime : ArrivalVerdict.Late;

    /// <summary>
    /// AP4.5: the whole minutes of [<paramref name="from"/>, <paramref name="to"/>) outside the hall's
    /// opening hours — the time that is given back as equal time off.
    /// </summary>
    public static int CompMinutes(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar)
    {
        if (to <= from)
        {
            return 0;
        }
        var inside = TimeSpan.Zero;
        for (var date = calendar.LocalDate(from); date <= calendar.LocalDate(to); date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date))
            {
                continue;
            }
            var season = calendar.Hours.SeasonOn(date);
            foreach (var session in new[] { season.Morning, season.Afternoon })
            {
                var start = calendar.ToInstant(date, session.Start);
                var end = calendar.ToInstant(date, session.End);
                var overlap = Min(end, to) - Max(start, from);
                if (overlap > TimeSpan.Zero)
                {
                    inside += overlap;
                }
            }
        }
        return (int)Math.Floor((to - from - inside).TotalMinutes);
    }

    private static DateTimeOffset EarliestStart(DateTimeOffset requestedAt, WorkingCalendar calendar) =>
        calendar.ClosingOf(PreparationDay(requestedAt, calendar));

    private static bool TouchesOpeningHours(DateTimeOffset start, TimeSpan duration, WorkingCalendar calendar)
    {
        var end = start + duration;
        for (var date = calendar.LocalDate(start); date <= calendar.LocalDate(end); date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date))
            {
                continue;
            }
            var season = calendar.Hours.SeasonOn(date);
            foreach (var session in new[] { season.Morning, season.Afternoon })
            {
                if (calendar.ToInstant(date, session.Start) < end && start < calendar.ToInstant(date, session.End))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static TimeOnly Align(TimeOnly time, int gridMinutes)
    {
        var minutes = time.Hour * 60 + time.Minute;
        var aligned = (minutes + gridMinutes - 1) / gridMinutes * gridMinutes;
        return aligned >= 24 * 60 ? time : new TimeOnly(aligned / 60, aligned % 60);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>AP4.5: the comp-time (调休) ledger of one staff member, in minutes; never below zero.</summary>
public static class CompTimeLedger
{
    /// <summary>Earned minus taken.</summary>
    public static int Balance(IEnumerable<int> entries) => entries.Sum();

    /// <summary>Time off of <paramref name="minutes"/> may be booked only when positive and within the balance.</summary>
    public static bool CanTake(int balance, int minutes) => minutes > 0 && minutes <= balance;
}
