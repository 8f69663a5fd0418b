using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Appointments;

/// <summary>
/// After-hours appointments (AP1–AP4.5) on the real 2026 calendar: Mid-Autumn Festival Friday 25 to
/// Sunday 27 September off, National Day 1–7 October off, Sunday 20 September and Saturday 10 October worked; summer hours until 30 September (closing
/// 17:30), winter from 1 October (closing 17:00). Service after hours: working days from closing to
/// 20:30, rest days 09:00–17:00, on a half-hour grid; appointments last an hour unless said otherwise.
/// </summary>
public class AppointmentRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    private static readonly AppointmentHours Hours = AppointmentHours.Default;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    // AP4.1: asked on the Friday before National Day (25 September, the Mid-Autumn holiday) for the
    // next morning: the whole working day to prepare is Monday 28 — the earliest slot is Monday
    // evening at closing (summer: 17:30).
    [InlineData("2026-09-25T10:00+08:00", "2026-09-26T10:00+08:00", SlotProblem.TooSoon, "2026-09-28T17:30+08:00")]
    // AP4.1: asked on Thursday 24 for Saturday 26: Friday is a holiday, not a working day ahead.
    [InlineData("2026-09-24T10:00+08:00", "2026-09-26T10:00+08:00", SlotProblem.TooSoon, "2026-09-28T17:30+08:00")]
    // AP4.1: asked on Wednesday 23 during hours for Saturday 26: Thursday is a whole working day ahead.
    [InlineData("2026-09-23T10:00+08:00", "2026-09-26T10:00+08:00", SlotProblem.None, null)]
    // AP4.1: asked on Thursday 24 before the doors open: Thursday itself is the working day to prepare.
    [InlineData("2026-09-24T07:30+08:00", "2026-09-26T10:00+08:00", SlotProblem.None, null)]
    // AP1–AP3: a holiday (National Day, Saturday 3 October) is bookable in the day.
    [InlineData("2026-09-25T10:00+08:00", "2026-10-03T10:00+08:00", SlotProblem.None, null)]
    // AP1–AP3: Saturday 10 October is an adjusted working day: its opening hours are not bookable …
    [InlineData("2026-09-25T10:00+08:00", "2026-10-10T10:00+08:00", SlotProblem.InsideWorkingHours, "2026-09-28T17:30+08:00")]
    // … its evening is (winter hours from 1 October: closing 17:00).
    [InlineData("2026-09-25T10:00+08:00", "2026-10-10T17:00+08:00", SlotProblem.None, null)]
    // AP4.1: asked Wednesday 10:00 for Thursday at closing: Thursday is the working day to prepare.
    [InlineData("2026-11-25T10:00+08:00", "2026-11-26T17:00+08:00", SlotProblem.None, null)]
    // AP4.1: asked Wednesday 10:00 for Wednesday evening: refused, earliest Thursday at closing.
    [InlineData("2026-11-25T10:00+08:00", "2026-11-25T18:00+08:00", SlotProblem.TooSoon, "2026-11-26T17:00+08:00")]
    // AP1–AP3: an hour from 16:30 runs into opening hours (closing 17:00).
    [InlineData("2026-11-25T10:00+08:00", "2026-11-26T16:30+08:00", SlotProblem.InsideWorkingHours, "2026-11-26T17:00+08:00")]
    // After-hours service ends at 20:30 on a working day: 20:00 for an hour does not fit.
    [InlineData("2026-11-25T10:00+08:00", "2026-11-26T20:00+08:00", SlotProblem.OutsideServiceHours, "2026-11-26T17:00+08:00")]
    // A rest day starts at 09:00 …
    [InlineData("2026-11-25T10:00+08:00", "2026-11-28T08:00+08:00", SlotProblem.OutsideServiceHours, "2026-11-26T17:00+08:00")]
    // … and slots start on the half hour.
    [InlineData("2026-11-25T10:00+08:00", "2026-11-28T09:15+08:00", SlotProblem.OutsideServiceHours, "2026-11-26T17:00+08:00")]
    // A slot in the past.
    [InlineData("2026-11-25T10:00+08:00", "2026-11-24T18:00+08:00", SlotProblem.InPast, "2026-11-26T17:00+08:00")]
    // Asked on a Saturday: Monday is the working day to prepare; Monday evening is the first slot.
    [InlineData("2026-11-28T11:00+08:00", "2026-11-29T10:00+08:00", SlotProblem.TooSoon, "2026-11-30T17:00+08:00")]
    public void AP1_AP4_1_ASlotMustBeAfterHours_AndAWholeWorkingDayAhead(string requested, string slot, SlotProblem problem, string? earliest)
    {
        var check = AppointmentRules.Check(Instant(requested), Instant(slot), Hour, Calendar, Hours);

        Assert.Equal(problem, check.Problem);
        Assert.Equal(earliest is null ? null : Instant(earliest), check.Earliest);
        if (check.Earliest is { } first)
        {
            // The earliest slot offered is itself accepted.
            Assert.True(AppointmentRules.Check(Instant(requested), first, Hour, Calendar, Hours).Ok);
        }
    }

    [Theory]
    // The working day that opens after the request (AP4.1).
    [InlineData("2026-09-23T10:00+08:00", "2026-09-24")]
    [InlineData("2026-09-24T07:00+08:00", "2026-09-24")]
    [InlineData("2026-09-24T12:30+08:00", "2026-09-28")]
    // On the Mid-Autumn holiday: Monday.
    [InlineData("2026-09-25T10:00+08:00", "2026-09-28")]
    // The eve of National Day: the next working day is Thursday 8 October.
    [InlineData("2026-09-30T10:00+08:00", "2026-10-08")]
    // Friday 9 October after closing: Saturday 10 October is an adjusted working day.
    [InlineData("2026-10-09T18:00+08:00", "2026-10-10")]
    // Asked on the adjusted working Sunday 20 September during hours: Monday.
    [InlineData("2026-09-20T09:00+08:00", "2026-09-21")]
    public void AP4_1_ThePreparationDay_IsTheFirstWholeWorkingDayAfterTheRequest(string requested, string day)
    {
        Assert.Equal(Day(day), AppointmentRules.PreparationDay(Instant(requested), Calendar));
    }

    [Theory]
    // AP4.2: received during the day → the same day's close.
    [InlineData("2026-11-25T10:00+08:00", "2026-11-25T17:00+08:00")]
    // AP4.2: received at 17:40, after closing → the next working day's close.
    [InlineData("2026-11-25T17:40+08:00", "2026-11-26T17:00+08:00")]
    // Received on a Saturday → Monday's close.
    [InlineData("2026-11-28T11:00+08:00", "2026-11-30T17:00+08:00")]
    // Received on the eve of National Day after closing (summer: 17:30) → Thursday 8 October (winter: 17:00).
    [InlineData("2026-09-30T17:40+08:00", "2026-10-08T17:00+08:00")]
    // Received on the adjusted working Saturday 10 October → that day's close.
    [InlineData("2026-10-10T09:00+08:00", "2026-10-10T17:00+08:00")]
    public void AP4_2_TheReplyIsDueTheSameWorkingDay(string received, string due)
    {
        Assert.Equal(Instant(due), AppointmentRules.ReplyDueAt(Instant(received), Calendar));
    }

    [Theory]
    // AP4.3: at least 10 minutes before the slot.
    [InlineData("2026-11-26T17:40+08:00", ArrivalVerdict.OnTime)]
    [InlineData("2026-11-26T17:50+08:00", ArrivalVerdict.OnTime)]
    [InlineData("2026-11-26T17:51+08:00", ArrivalVerdict.Late)]
    [InlineData("2026-11-26T18:05+08:00", ArrivalVerdict.Late)]
    public void AP4_3_ArrivingLessThanTenMinutesEarly_IsFlagged(string checkedIn, ArrivalVerdict verdict)
    {
        Assert.Equal(verdict, AppointmentRules.Arrival(Instant(checkedIn), Instant("2026-11-26T18:00+08:00")));
    }

    [Theory]
    // AP4.5: an evening after closing counts in full.
    [InlineData("2026-11-26T17:00+08:00", "2026-11-26T18:30+08:00", 90)]
    // Started before closing: only the half hour after 17:00 counts.
    [InlineData("2026-11-26T16:30+08:00", "2026-11-26T18:00+08:00", 60)]
    // A Saturday off counts in full.
    [InlineData("2026-11-28T09:00+08:00", "2026-11-28T11:00+08:00", 120)]
    // The adjusted working Saturday 10 October: 11:00–12:00 is opening hours, 12:00–13:00 the lunch break.
    [InlineData("2026-10-10T11:00+08:00", "2026-10-10T13:00+08:00", 60)]
    // A holiday counts in full.
    [InlineData("2026-10-03T09:00+08:00", "2026-10-03T12:00+08:00", 180)]
    [InlineData("2026-11-26T18:00+08:00", "2026-11-26T18:00+08:00", 0)]
    public void AP4_5_TimeServedOutsideWorkingHours_IsCompTime(string from, string to, int minutes)
    {
        Assert.Equal(minutes, AppointmentRules.CompMinutes(Instant(from), Instant(to), Calendar));
    }

    [Theory]
    // AP4.5: time off is booked against the balance, never below zero.
    [InlineData(new[] { 90, -60 }, 30, 30, true)]
    [InlineData(new[] { 90, -60 }, 30, 31, false)]
    [InlineData(new[] { 90 }, 90, 0, false)]
    [InlineData(new int[0], 0, 30, false)]
    public void AP4_5_TimeOffIsBookedWithinTheBalance(int[] entries, int balance, int take, bool allowed)
    {
        Assert.Equal(balance, CompTimeLedger.Balance(entries));
        Assert.Equal(allowed, CompTimeLedger.CanTake(balance, take));
    }
}
