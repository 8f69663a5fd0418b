using HallOps.Domain.Calendar;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Calendar;

/// <summary>
/// When the hall is open: on a working day, inside the morning or afternoon session of the season
/// ("Opening hours are set per season"), read in the hall's time zone (Asia/Shanghai) whatever
/// offset the instant was written in. Opening hours are when AB4 / SC2.2 require someone on every
/// post, and what AP1–3 appointments must fall outside of.
/// Default hours: 冬季 from 10-01, 08:30–12:00 and 14:00–17:00; 夏季 from 05-01, 08:30–12:00 and 14:30–17:30.
/// </summary>
public class OpeningTimeTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    [Theory]
    // An ordinary winter Tuesday (2026-02-24), in the hall's own offset: start inclusive, end exclusive.
    [InlineData("2026-02-24T08:29:59+08:00", false)] // before opening
    [InlineData("2026-02-24T08:30+08:00", true)]     // opening
    [InlineData("2026-02-24T11:59:59+08:00", true)]  // last second of the morning
    [InlineData("2026-02-24T12:00+08:00", false)]    // lunch break starts
    [InlineData("2026-02-24T13:00+08:00", false)]    // lunch break
    [InlineData("2026-02-24T14:00+08:00", true)]     // winter afternoon starts at 14:00
    [InlineData("2026-02-24T16:59+08:00", true)]
    [InlineData("2026-02-24T17:00+08:00", false)]    // closed
    [InlineData("2026-02-24T19:00+08:00", false)]    // after close
    // The same day written in UTC (08:00 behind the hall).
    [InlineData("2026-02-24T00:29Z", false)]         // 08:29
    [InlineData("2026-02-24T00:30Z", true)]          // 08:30
    [InlineData("2026-02-24T04:00Z", false)]         // 12:00
    [InlineData("2026-02-24T06:00Z", true)]          // 14:00
    [InlineData("2026-02-24T09:00Z", false)]         // 17:00
    [InlineData("2026-02-23T23:00Z", false)]         // 07:00 on 02-24
    // Written in another offset: the date is the hall's, not the writer's.
    [InlineData("2026-02-23T20:00-05:00", true)]     // Mon 20:00 there (a 春节 holiday) = Tue 02-24 09:00 in the hall
    [InlineData("2026-02-13T20:30-05:00", true)]     // Fri 20:30 there = Sat 02-14 09:30, an adjusted working day
    // Holidays: closed all day.
    [InlineData("2026-02-16T10:00+08:00", false)]    // Mon, 春节
    [InlineData("2026-02-16T02:00Z", false)]         // the same, in UTC
    [InlineData("2026-10-01T10:00+08:00", false)]    // Thu, 国庆节
    [InlineData("2025-10-08T15:00+08:00", false)]    // Wed, 国庆节、中秋节
    // Weekends: closed, unless an adjusted working day.
    [InlineData("2026-03-07T10:00+08:00", false)]    // an ordinary Saturday
    [InlineData("2026-02-14T10:00+08:00", true)]     // Sat, 春节 adjusted working day
    [InlineData("2026-02-28T15:00+08:00", true)]     // Sat, adjusted working day, winter afternoon
    [InlineData("2026-02-28T07:00Z", true)]          // the same, in UTC
    [InlineData("2026-09-20T09:00+08:00", true)]     // Sun, 国庆节 adjusted working day
    [InlineData("2025-09-28T09:00+08:00", true)]     // Sun, 国庆节、中秋节 adjusted working day
    // Season boundaries. 14:15 is open only in winter (afternoon from 14:00); 17:15 only in summer (until 17:30).
    [InlineData("2026-04-30T14:15+08:00", true)]     // Thu, last day of winter
    [InlineData("2026-04-30T17:15+08:00", false)]
    [InlineData("2026-05-06T14:15+08:00", false)]    // Wed, first working day of summer (05-01..05-05 off)
    [InlineData("2026-05-06T17:15+08:00", true)]
    [InlineData("2026-05-06T09:15Z", true)]          // 17:15, in UTC
    [InlineData("2026-09-30T14:15+08:00", false)]    // Wed, last day of summer
    [InlineData("2026-09-30T17:15+08:00", true)]
    [InlineData("2026-10-08T14:15+08:00", true)]     // Thu, first working day of winter (10-01..10-07 off)
    [InlineData("2026-10-08T17:15+08:00", false)]
    [InlineData("2026-10-08T06:15Z", true)]          // 14:15, in UTC
    [InlineData("2026-10-10T14:15+08:00", true)]     // Sat, adjusted working day, winter hours
    public void AB4_TheHallIsOpen_OnAWorkingDayInsideItsSeasonsMorningOrAfternoonSession(string instant, bool open)
    {
        Assert.Equal(open, Calendar.IsOpenAt(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-02-24T07:00+08:00", "2026-02-24T08:30+08:00")] // before opening: this morning
    [InlineData("2026-02-24T08:30+08:00", "2026-02-24T08:30+08:00")] // at opening: now
    [InlineData("2026-02-24T10:00+08:00", "2026-02-24T14:00+08:00")] // in the morning: this winter afternoon
    [InlineData("2026-02-24T12:30+08:00", "2026-02-24T14:00+08:00")] // at lunch
    [InlineData("2026-02-24T18:00+08:00", "2026-02-25T08:30+08:00")] // after close: tomorrow
    [InlineData("2026-02-13T18:00+08:00", "2026-02-14T08:30+08:00")] // Fri evening: Sat 02-14 is worked
    [InlineData("2026-02-14T18:00+08:00", "2026-02-24T08:30+08:00")] // over the whole 春节
    [InlineData("2026-09-30T13:00+08:00", "2026-09-30T14:30+08:00")] // at lunch: the summer afternoon starts 14:30
    [InlineData("2026-09-30T15:00+08:00", "2026-10-08T08:30+08:00")] // over the whole 国庆节
    [InlineData("2026-02-13T10:00Z", "2026-02-14T08:30+08:00")]      // Fri 18:00 in the hall, written in UTC
    [InlineData("2026-03-06T12:00Z", "2026-03-09T08:30+08:00")]      // Fri 20:00 in the hall: Monday
    public void NextOpening_IsTheFirstSessionStartAtOrAfterTheInstant(string instant, string opens)
    {
        var next = Calendar.NextOpening(Instant(instant));

        Assert.Equal(Instant(opens), next);
        Assert.Equal(TimeSpan.FromHours(8), next?.Offset);
    }

    [Theory]
    [InlineData("2026-02-13T15:59Z", "2026-02-13")]      // 23:59 in the hall
    [InlineData("2026-02-13T16:00Z", "2026-02-14")]      // midnight in the hall
    [InlineData("2026-02-14T00:30+08:00", "2026-02-14")]
    [InlineData("2026-02-13T23:00-05:00", "2026-02-14")] // 12:00 on 02-14 in the hall
    public void LocalDate_IsTheDateInTheHallsZone(string instant, string date)
    {
        Assert.Equal(Day(date), Calendar.LocalDate(Instant(instant)));
    }

    [Theory]
    [InlineData("2026-02-14", "08:30", "2026-02-14T00:30Z")]
    [InlineData("2026-07-01", "17:30", "2026-07-01T09:30Z")]
    [InlineData("2026-01-01", "00:00", "2025-12-31T16:00Z")]
    public void ToInstant_ReadsALocalTimeInTheHallsZone(string date, string time, string instant)
    {
        var result = Calendar.ToInstant(Day(date), Time(time));

        Assert.Equal(Instant(instant), result);
        Assert.Equal(TimeSpan.FromHours(8), result.Offset);
    }

    [Theory]
    [InlineData("2026-01-15", "冬季")] // before the first start of the year: last year's winter
    [InlineData("2026-04-30", "冬季")]
    [InlineData("2026-05-01", "夏季")]
    [InlineData("2026-09-30", "夏季")]
    [InlineData("2026-10-01", "冬季")]
    [InlineData("2026-12-31", "冬季")]
    public void TheDefaultSeason_IsSummerFromMayFirstAndWinterFromOctoberFirst(string date, string season)
    {
        Assert.Equal(season, OpeningHours.Default.SeasonOn(Day(date)).Name);
    }
}
