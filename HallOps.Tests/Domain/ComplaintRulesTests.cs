using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain;

/// <summary>
/// SC2.6 (letters, visits and complaints are time-limited) and AC5 (the office's queue with due
/// times): a complaint is due at the close of the N-th working day after the day it was received —
/// weekends and holidays do not count, an adjusted working day (调休上班) does, and one received on a
/// rest day or after closing counts from the next working day. It is yellow (即将超期) from the close
/// of the working day one before, red (超期) from the due time, and shows no light once closed.
/// Winter hours close at 17:00, summer hours (05-01 to 09-30) at 17:30.
/// </summary>
public class ComplaintRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    [Theory]
    // An ordinary week: Wed 11-25 10:00 + 5 → Wed 12-02; yellow from Tue 12-01's close.
    [InlineData("2026-11-25T10:00+08:00", 5, "2026-12-01T17:00+08:00", "2026-12-02T17:00+08:00")]
    // Across a weekend: Fri 11-27 + 5 → Mon 11-30 … Fri 12-04.
    [InlineData("2026-11-27T10:00+08:00", 5, "2026-12-03T17:00+08:00", "2026-12-04T17:00+08:00")]
    // Received on a Saturday: counted from Monday, so + 5 → Mon 12-07.
    [InlineData("2026-11-28T10:00+08:00", 5, "2026-12-04T17:00+08:00", "2026-12-07T17:00+08:00")]
    // Received after closing (17:30 on Wed 11-25): counted from Thu 11-26 → Thu 12-03.
    [InlineData("2026-11-25T17:30+08:00", 5, "2026-12-02T17:00+08:00", "2026-12-03T17:00+08:00")]
    // Received at closing time exactly: already after hours.
    [InlineData("2026-11-25T17:00+08:00", 5, "2026-12-02T17:00+08:00", "2026-12-03T17:00+08:00")]
    // A minute before closing: the day itself is the day of receipt.
    [InlineData("2026-11-25T16:59+08:00", 5, "2026-12-01T17:00+08:00", "2026-12-02T17:00+08:00")]
    // Before opening on a working day: that day is the day of receipt.
    [InlineData("2026-11-25T07:00+08:00", 5, "2026-12-01T17:00+08:00", "2026-12-02T17:00+08:00")]
    // A holiday: Wed 09-30 (summer) + 5 → Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 worked (3), Mon 10-12 (4),
    // Tue 10-13 (5); 10-01..10-07 (国庆节) do not count; winter hours from 10-01.
    [InlineData("2026-09-30T10:00+08:00", 5, "2026-10-12T17:00+08:00", "2026-10-13T17:00+08:00")]
    // Received during the holiday: counted from its first working day after, Thu 10-08: 10-09 (1), Sat 10-10 (2) … Wed 10-14 (5).
    [InlineData("2026-10-03T10:00+08:00", 5, "2026-10-13T17:00+08:00", "2026-10-14T17:00+08:00")]
    // An adjusted working Sunday counts: Fri 09-18 + 5 → Sun 09-20 (1), 09-21..09-24 (2–5).
    [InlineData("2026-09-18T10:00+08:00", 5, "2026-09-23T17:30+08:00", "2026-09-24T17:30+08:00")]
    // Received on that working Sunday: it is the day of receipt; 09-25..09-27 (中秋节) off → Mon 09-28.
    [InlineData("2026-09-20T10:00+08:00", 5, "2026-09-24T17:30+08:00", "2026-09-28T17:30+08:00")]
    // Received on the Saturday before it (a rest day): counted from Sunday 09-20, the same as above.
    [InlineData("2026-09-19T10:00+08:00", 5, "2026-09-24T17:30+08:00", "2026-09-28T17:30+08:00")]
    // A bad rating (差评), 1 working day: due at the next working day's close; with 1 due-soon day it is
    // yellow from receipt — as a case with a 1-day limit is (TL5).
    [InlineData("2026-11-25T10:00+08:00", 1, "2026-11-25T10:00+08:00", "2026-11-26T17:00+08:00")]
    [InlineData("2026-11-27T16:00+08:00", 1, "2026-11-27T16:00+08:00", "2026-11-30T17:00+08:00")]
    public void SC2_6_DueAtTheCloseOfTheNthWorkingDay_YellowOneWorkingDayBefore(string received, int days, string dueSoon, string due)
    {
        var receivedAt = Instant(received);

        Assert.Equal(Instant(due), ComplaintRules.DueAt(receivedAt, days, Calendar));
        Assert.Equal(Instant(dueSoon), ComplaintRules.DueSoonAt(receivedAt, days, 1, Calendar));
    }

    [Theory]
    // SC2.6: 0 due-soon days → yellow and red at once at the due time; 2 days → two working days before.
    [InlineData(0, "2026-12-02T17:00+08:00")]
    [InlineData(2, "2026-11-30T17:00+08:00")]
    [InlineData(5, "2026-11-25T10:00+08:00")]
    [InlineData(9, "2026-11-25T10:00+08:00")]
    public void SC2_6_TheDueSoonThresholdMovesTheYellowLight(int dueSoonDays, string dueSoon)
    {
        Assert.Equal(Instant(dueSoon), ComplaintRules.DueSoonAt(Instant("2026-11-25T10:00+08:00"), 5, dueSoonDays, Calendar));
    }

    [Theory]
    // SC2.6: the same lights as cases — none before the due-soon time, yellow from it, red from the due time;
    // a closed complaint shows none, however late.
    [InlineData("2026-12-01T16:59+08:00", ComplaintStatus.Open, CaseLight.None)]
    [InlineData("2026-12-01T17:00+08:00", ComplaintStatus.Open, CaseLight.Yellow)]
    [InlineData("2026-12-02T16:59+08:00", ComplaintStatus.Open, CaseLight.Yellow)]
    [InlineData("2026-12-02T17:00+08:00", ComplaintStatus.Open, CaseLight.Red)]
    [InlineData("2026-12-20T09:00+08:00", ComplaintStatus.Open, CaseLight.Red)]
    [InlineData("2026-12-20T09:00+08:00", ComplaintStatus.Closed, CaseLight.None)]
    [InlineData("2026-12-01T17:30+08:00", ComplaintStatus.Closed, CaseLight.None)]
    public void SC2_6_LightAt_NoneYellowRed_AndClosedShowsNone(string now, ComplaintStatus status, CaseLight light)
    {
        Assert.Equal(light, ComplaintRules.LightAt(Instant(now), status, Instant("2026-12-01T17:00+08:00"), Instant("2026-12-02T17:00+08:00")));
    }

    [Fact]
    public void SC2_6_NumbersAreTheDaysSequence()
    {
        Assert.Equal("TS20261126-003", ComplaintRules.Number(new DateOnly(2026, 11, 26), 3));
        Assert.Equal("complaint:20261126", ComplaintRules.SequenceName(new DateOnly(2026, 11, 26)));
    }
}
