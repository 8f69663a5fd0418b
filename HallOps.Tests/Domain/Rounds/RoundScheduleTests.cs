using HallOps.Domain.Calendar;
using HallOps.Domain.Rounds;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Rounds;

/// <summary>
/// When rounds are due (SE2.2, SE4, HY2, HY4): a small cron-like rule in the hall's zone, on its
/// working calendar — shutdown checks at closing on working days only (an adjusted working Sunday
/// included, a holiday not), guards' rounds every night, hygiene before opening.
/// </summary>
public class RoundScheduleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    private static List<string> OccurrencesOn(string rule, string date)
    {
        var parsed = ScheduleRule.TryParse(rule, out var error) ?? throw new InvalidOperationException($"{rule}: {error}");
        var day = Day(date);
        return parsed.Occurrences(Calendar.ToInstant(day, TimeOnly.MinValue), Calendar.ToInstant(day.AddDays(1), TimeOnly.MinValue), Calendar)
            .Select(i => TimeZoneInfo.ConvertTime(i, Calendar.Zone).ToString("HH:mm"))
            .ToList();
    }

    [Theory]
    // SE4: the shutdown check at closing — 17:30 in summer hours, 17:00 in winter hours.
    [InlineData("workdays at closing", "2026-09-17", "17:30")]
    [InlineData("workdays at closing", "2026-11-26", "17:00")]
    // SE4: on the adjusted working Sunday 20 September the hall works, so it closes and is checked.
    [InlineData("workdays at closing", "2026-09-20", "17:30")]
    // SE4: no shutdown round on a holiday or an ordinary weekend.
    [InlineData("workdays at closing", "2026-10-01", "")]
    [InlineData("workdays at closing", "2026-10-11", "")]
    // The reminder ten minutes after closing.
    [InlineData("workdays at closing+10", "2026-11-26", "17:10")]
    // HY2: the pre-work hygiene self-check, half an hour before opening.
    [InlineData("workdays at opening-30", "2026-11-26", "08:00")]
    // SE2.2: the guards' rounds every night, holidays included.
    [InlineData("daily at 21:00, 23:30", "2026-10-01", "21:00,23:30")]
    [InlineData("daily at 21:00,23:30", "2026-11-26", "21:00,23:30")]
    // HY4: weekly inspections on working days only: Monday 5 October is a holiday, Thursday the 8th is not.
    [InlineData("weekly mon,thu at 09:00 workdays", "2026-10-05", "")]
    [InlineData("weekly mon,thu at 09:00 workdays", "2026-10-08", "09:00")]
    [InlineData("weekly mon,thu at 09:00", "2026-10-05", "09:00")]
    // Opening and closing exist only on days the hall opens, whatever the days say.
    [InlineData("daily at closing", "2026-10-01", "")]
    public void SE2_SE4_HY2_ARuleIsDueOnItsDaysAtItsTimes(string rule, string date, string times)
    {
        Assert.Equal(times.Length == 0 ? [] : times.Split(',').ToList(), OccurrencesOn(rule, date));
    }

    [Theory]
    [InlineData("", ScheduleError.Empty)]
    [InlineData("workdays closing", ScheduleError.Empty)]
    [InlineData("workdays at", ScheduleError.Empty)]
    [InlineData("workdays on closing x", ScheduleError.NoTime)]
    [InlineData("workdays at noon", ScheduleError.BadTime)]
    [InlineData("workdays at 25:00", ScheduleError.BadTime)]
    [InlineData("workdays at closing+abc", ScheduleError.BadTime)]
    [InlineData("workdays at closing+900", ScheduleError.BadTime)]
    [InlineData("monthly at 09:00", ScheduleError.BadDays)]
    [InlineData("weekly xyz at 09:00", ScheduleError.BadWeekday)]
    public void ARuleThatCannotBeRead_SaysWhy(string rule, ScheduleError error)
    {
        Assert.Null(ScheduleRule.TryParse(rule, out var actual));
        Assert.Equal(error, actual);
    }

    [Fact]
    public void OccurrencesOverAWeek_AreInOrder_AndSkipTheDaysOff()
    {
        var rule = ScheduleRule.TryParse("workdays at closing", out _)!;
        var from = Instant("2026-09-28T00:00+08:00");
        var to = Instant("2026-10-12T00:00+08:00");

        var dates = rule.Occurrences(from, to, Calendar).Select(i => Calendar.LocalDate(i).ToString("MM-dd")).ToList();

        // 28–30 September, the National Day week off, 8–9 October, the worked Saturday 10th.
        Assert.Equal(["09-28", "09-29", "09-30", "10-08", "10-09", "10-10"], dates);
    }
}
