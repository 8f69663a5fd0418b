using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;

namespace HallOps.Tests.Domain.Appointments;

/// <summary>
/// AP4.4 (the week's appointments reported at the end of each working week) on the real 2026 calendar:
/// the report day is the week's last working day — an adjusted Saturday or Sunday workday moves it
/// later, holidays earlier, a week of holidays has none — and the figures count requests by when they
/// were made, replies by when they were given, service by its slot.
/// </summary>
public sealed class AppointmentReporterTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-23", "2026-11-27")] // an ordinary week: Friday
    [InlineData("2026-09-14", "2026-09-20")] // Sunday 09-20 is an adjusted workday before National Day
    [InlineData("2026-09-21", "2026-09-24")] // Mid-Autumn Festival from Friday 09-25: Thursday
    [InlineData("2026-09-28", "2026-09-30")] // National Day from Thursday 10-01: Wednesday
    [InlineData("2026-10-05", "2026-10-10")] // the holiday ends Wednesday, Saturday 10-10 is an adjusted workday
    [InlineData("2026-02-23", "2026-02-28")] // after the Spring Festival, Saturday 02-28 is an adjusted workday
    [InlineData("2025-12-29", "2026-01-04")] // New Year: Sunday 2026-01-04 is an adjusted workday
    public void AP4_4_TheReportDay_IsTheLastWorkingDayOfTheWeek(string monday, string last)
    {
        Assert.Equal(DateOnly.Parse(last), AppointmentReporter.LastWorkingDay(DateOnly.Parse(monday), Calendar));
    }

    [Fact]
    public void AP4_4_AWeekOfHolidaysOnly_GetsNoReport()
    {
        // 2026-02-16..22: the Spring Festival holiday, every day.
        var week = new DateOnly(2026, 2, 16);
        Assert.Null(AppointmentReporter.LastWorkingDay(week, Calendar));
        Assert.False(AppointmentReporter.IsDue(week, new DateTimeOffset(2026, 3, 1, 18, 0, 0, Beijing), Calendar));
        Assert.DoesNotContain(week, AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 3, 6, 18, 0, 0, Beijing), Calendar, new HashSet<DateOnly>()));
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-16")] // Friday
    [InlineData("2026-11-22", "2026-11-16")] // Sunday
    [InlineData("2026-11-23", "2026-11-23")] // Monday
    public void AWeek_RunsFromMonday(string date, string monday)
    {
        Assert.Equal(DateOnly.Parse(monday), AppointmentReporter.WeekOf(DateOnly.Parse(date)));
    }

    [Fact]
    public void AP4_4_TheDailyRun_WritesThisWeekOnlyAfterClosingOnItsLastWorkingDay_AndMakesUpMissedWeeks()
    {
        var thisWeek = new DateOnly(2026, 11, 23);
        var kept = Enumerable.Range(1, AppointmentReporter.CatchUpWeeks).Select(i => thisWeek.AddDays(-7 * i)).ToHashSet();

        // Thursday evening, Friday noon: not yet.
        Assert.Empty(AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 11, 26, 18, 0, 0, Beijing), Calendar, kept));
        Assert.Empty(AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 11, 27, 12, 0, 0, Beijing), Calendar, kept));
        // Friday 18:00, and again later that evening (refreshed in place).
        Assert.Equal([thisWeek], AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 11, 27, 18, 0, 0, Beijing), Calendar, kept));
        Assert.Equal([thisWeek], AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 11, 27, 18, 0, 0, Beijing), Calendar, new HashSet<DateOnly>(kept) { thisWeek }));
        // Saturday, with the week kept: nothing; with Friday's run missed: made up.
        Assert.Empty(AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 11, 28, 18, 0, 0, Beijing), Calendar, new HashSet<DateOnly>(kept) { thisWeek }));
        Assert.Equal([thisWeek], AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 11, 28, 18, 0, 0, Beijing), Calendar, kept));

        // Two weeks missed within the last eight: both made up, oldest first; older than eight weeks: left.
        kept.Remove(new DateOnly(2026, 11, 2));
        kept.Remove(new DateOnly(2026, 10, 5));
        kept.Remove(new DateOnly(2026, 9, 21));
        Assert.Equal([new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 2)],
            AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 11, 25, 18, 0, 0, Beijing), Calendar, kept));
    }

    [Fact]
    public void AP4_4_TheNationalDayWeek_IsWrittenOnWednesdayEvening()
    {
        var week = new DateOnly(2026, 9, 28);
        Assert.DoesNotContain(week, AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 9, 29, 18, 0, 0, Beijing), Calendar, new HashSet<DateOnly>()));
        Assert.Contains(week, AppointmentReporter.WeeksToWrite(new DateTimeOffset(2026, 9, 30, 18, 0, 0, Beijing), Calendar, new HashSet<DateOnly>()));
    }

    [Fact]
    public void AP4_4_Figures_CountRequestsByRequest_RepliesByReply_ServiceBySlot_AndMaskTheRequester()
    {
        var week = new DateOnly(2026, 11, 16);
        var monday = new DateTimeOffset(2026, 11, 16, 0, 0, 0, Beijing);
        Appointment A(string number, AppointmentStatus status, DateTimeOffset requested, DateTimeOffset? replied, DateTimeOffset slot) => new()
        {
            Number = number, PublicToken = number, RequesterName = "王建军", Phone = "13905631234", MatterName = "不动产登记", RequestedBy = "public",
            WindowId = 1, Status = status, RequestedAt = requested, RepliedAt = replied, SlotStart = slot, SlotMinutes = 60,
        };
        var appointments = new[]
        {
            // Requested last week, accepted last week, served this week, 50 minutes, checked in late.
            A("1", AppointmentStatus.Done, monday.AddDays(-3), monday.AddDays(-3).AddHours(2), monday.AddDays(1).AddHours(18)),
            // Requested and declined this week.
            A("2", AppointmentStatus.Declined, monday.AddHours(10), monday.AddHours(12), monday.AddDays(9).AddHours(18)),
            // Requested and accepted this week, the slot next week.
            A("3", AppointmentStatus.Accepted, monday.AddDays(2).AddHours(9), monday.AddDays(2).AddHours(11), monday.AddDays(8).AddHours(18)),
            // A no-show this week.
            A("4", AppointmentStatus.NoShow, monday.AddDays(-5), monday.AddDays(-5).AddHours(1), monday.AddDays(5).AddHours(9)),
            // Requested Sunday 23:59 hall time: this week; and one at next Monday 00:00: not.
            A("5", AppointmentStatus.Requested, monday.AddDays(7).AddMinutes(-1), null, monday.AddDays(10).AddHours(18)),
            A("6", AppointmentStatus.Requested, monday.AddDays(7), null, monday.AddDays(10).AddHours(18)),
        };
        var served = appointments[0];
        served.ServedFrom = served.SlotStart;
        served.ServedTo = served.SlotStart.AddMinutes(50);
        served.CheckedInLate = true;
        served.CompMinutes = 50;
        appointments[1].DeclineReason = "需现场核验";
        appointments[1].DeclineApprovedBy = "王副局长";

        var (figures, rows) = AppointmentReporter.Compute(
            week, Calendar.Zone, appointments, new Dictionary<int, (int, string)> { [1] = (1, "不动产登记") });

        Assert.Equal(new AppointmentWeekFigures(Requests: 3, Accepted: 1, Declined: 1, Done: 1, NoShows: 1, LateArrivals: 1, MinutesServed: 50), figures);
        Assert.Equal(["1", "4", "3", "2", "5"], rows.Select(r => r.Number));
        Assert.All(rows, r => Assert.Equal("王*军", r.Requester));
        var declined = Assert.Single(rows, r => r.Status == AppointmentStatus.Declined);
        Assert.Equal(("需现场核验", "王副局长"), (declined.DeclineReason, declined.DeclineApprovedBy));
        var done = rows[0];
        Assert.Equal((true, 50, 50, new DateTime(2026, 11, 17, 18, 0, 0)), (done.CheckedInLate, done.MinutesServed, done.CompMinutes, done.Slot));
    }
}
