using HallOps.Domain.Calendar;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Calendar;

/// <summary>
/// TL0 (finish within the limit) and TL1 (each matter's limit, in working days; 0 = 即办件), counted
/// as the "Working days" paragraph says and as 《行政许可法》第八十二条 requires: a limit in working
/// days does not include statutory holidays, and an adjusted working day (调休上班) counts.
/// The day of receipt is not counted; the limit ends on the Nth working day after it.
/// </summary>
public class TimeLimitTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    [Theory]
    // Ordinary week: Wed + 1 = Thu; Fri + 1 skips the weekend to Mon; Wed + 5 = next Wed.
    [InlineData("2026-03-04", 1, "2026-03-05")]
    [InlineData("2026-03-06", 1, "2026-03-09")]
    [InlineData("2026-03-04", 5, "2026-03-11")]
    // 2026 春节 (off Sun 02-15 .. Mon 02-23; Sat 02-14 and Sat 02-28 worked):
    // Fri 02-13 + 1 → Sat 02-14, which is worked.
    [InlineData("2026-02-13", 1, "2026-02-14")]
    // Fri 02-13 + 2 → 02-14 (1), 02-15..02-23 off, Tue 02-24 (2).
    [InlineData("2026-02-13", 2, "2026-02-24")]
    // Fri 02-13 + 5 → 02-14 (1), 02-24 (2), 02-25 (3), 02-26 (4), Fri 02-27 (5).
    [InlineData("2026-02-13", 5, "2026-02-27")]
    // Thu 02-12 + 3 → Fri 02-13 (1), Sat 02-14 (2), Tue 02-24 (3).
    [InlineData("2026-02-12", 3, "2026-02-24")]
    // Received on a holiday, Mon 02-16 + 1 → Tue 02-24: the rest of the holiday does not count.
    [InlineData("2026-02-16", 1, "2026-02-24")]
    // Wed 02-11 + 20 → 02-12 (1), 02-13 (2), 02-14 (3), 02-24..02-27 (4–7), Sat 02-28 (8),
    // 03-02..03-06 (9–13), 03-09..03-13 (14–18), Mon 03-16 (19), Tue 03-17 (20).
    [InlineData("2026-02-11", 20, "2026-03-17")]
    // 2026 中秋节 and 国庆节 (off Fri 09-25 .. Sun 09-27 and Thu 10-01 .. Wed 10-07; Sun 09-20 and Sat 10-10 worked):
    // Fri 09-18 + 1 → Sun 09-20 is worked (Sat 09-19 is not).
    [InlineData("2026-09-18", 1, "2026-09-20")]
    // Thu 09-24 + 1 → 09-25..09-27 off, Mon 09-28.
    [InlineData("2026-09-24", 1, "2026-09-28")]
    // Wed 09-30 + 1 → 10-01..10-07 off, Thu 10-08.
    [InlineData("2026-09-30", 1, "2026-10-08")]
    // Mon 09-28 + 5 → 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4), Sat 10-10 (5).
    [InlineData("2026-09-28", 5, "2026-10-10")]
    // 2025 春节 (off Tue 01-28 .. Tue 02-04; Sun 01-26 and Sat 02-08 worked):
    // Fri 01-24 + 3 → Sun 01-26 (1), Mon 01-27 (2), Wed 02-05 (3).
    [InlineData("2025-01-24", 3, "2025-02-05")]
    // Mon 01-27 + 5 → 02-05 (1), 02-06 (2), 02-07 (3), Sat 02-08 (4), Mon 02-10 (5).
    [InlineData("2025-01-27", 5, "2025-02-10")]
    // 2025 国庆节、中秋节 (off Wed 10-01 .. Wed 10-08; Sun 09-28 and Sat 10-11 worked):
    // Fri 09-26 + 1 → Sun 09-28.
    [InlineData("2025-09-26", 1, "2025-09-28")]
    // Tue 09-30 + 3 → Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 (3).
    [InlineData("2025-09-30", 3, "2025-10-11")]
    // Across the new year: Wed 2025-12-31 + 1 → 2026-01-01..01-03 off, Sun 01-04 is worked.
    [InlineData("2025-12-31", 1, "2026-01-04")]
    public void TL1_ALimitOfNWorkingDays_EndsOnTheNthWorkingDayAfterReceipt(string received, int workingDays, string due)
    {
        Assert.Equal(Day(due), Calendar.AddWorkingDays(Day(received), workingDays));
    }

    [Theory]
    [InlineData("2026-03-04", "2026-03-04")] // an ordinary Wednesday: the same day
    [InlineData("2026-02-14", "2026-02-14")] // Sat, adjusted working day: the same day
    [InlineData("2026-03-07", "2026-03-09")] // an ordinary Saturday: Monday
    [InlineData("2026-02-15", "2026-02-24")] // 春节, first day off: the first day back
    [InlineData("2026-10-01", "2026-10-08")] // 国庆节: the first day back
    [InlineData("2025-10-11", "2025-10-11")] // Sat, adjusted working day: the same day
    public void TL1_AnInstantMatter_IsDueOnTheDayOfReceiptOrTheNextWorkingDay(string received, string due)
    {
        Assert.Equal(Day(due), Calendar.AddWorkingDays(Day(received), 0));
    }

    [Fact]
    public void ANegativeLimit_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Day("2026-03-04"), -1));
    }

    [Theory]
    // How much of a limit has elapsed, over (from, to]: the first day is not counted, the last is.
    [InlineData("2026-03-04", "2026-03-05", 1)]  // Wed → Thu
    [InlineData("2026-03-06", "2026-03-09", 1)]  // Fri → Mon: the weekend does not count
    [InlineData("2026-02-13", "2026-02-24", 2)]  // Sat 02-14 and Tue 02-24; 02-15..02-23 off
    [InlineData("2026-02-13", "2026-02-28", 6)]  // 02-14, 02-24..02-27, Sat 02-28
    [InlineData("2026-02-01", "2026-03-01", 16)] // Feb 2026: 02-02..06, 02-09..13, 02-14, 02-24..27, 02-28
    [InlineData("2026-10-01", "2026-10-07", 0)]  // all inside 国庆节
    [InlineData("2026-09-30", "2026-10-10", 3)]  // 10-08, 10-09, Sat 10-10
    [InlineData("2025-01-24", "2025-02-10", 7)]  // Sun 01-26, 01-27, 02-05..07, Sat 02-08, 02-10
    [InlineData("2025-09-30", "2025-10-12", 3)]  // 10-09, 10-10, Sat 10-11; Sun 10-12 off
    [InlineData("2025-12-31", "2026-01-05", 2)]  // Sun 01-04, Mon 01-05
    [InlineData("2026-03-04", "2026-03-04", 0)]  // the same day
    [InlineData("2026-03-05", "2026-03-04", 0)]  // backwards
    public void TL1_WorkingDaysBetween_CountsTheWorkingDaysAfterTheFirstDateUpToTheSecond(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysBetween(Day(from), Day(to)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(20)]
    public void TL0_TheDueDateOfAnNDayLimit_IsTheFirstDateWithNWorkingDaysElapsed(int workingDays)
    {
        // Every start date of 2024–2026, including holidays and weekends.
        for (var start = Day("2024-01-01"); start <= Day("2026-12-31"); start = start.AddDays(1))
        {
            var due = Calendar.AddWorkingDays(start, workingDays);

            var elapsed = Calendar.WorkingDaysBetween(start, due);
            var elapsedTheDayBefore = Calendar.WorkingDaysBetween(start, due.AddDays(-1));

            Assert.True(
                Calendar.IsWorkingDay(due) && elapsed == workingDays && elapsedTheDayBefore == workingDays - 1,
                $"{start:yyyy-MM-dd} + {workingDays} = {due:yyyy-MM-dd}: working day {Calendar.IsWorkingDay(due)}, "
                + $"{elapsed} working days elapsed by then, {elapsedTheDayBefore} the day before");
        }
    }

    [Theory]
    [InlineData("2026-02-24", "2026-02-24T17:00+08:00")] // winter season: the afternoon ends at 17:00
    [InlineData("2026-02-14", "2026-02-14T17:00+08:00")] // Sat, adjusted working day: a full working day
    [InlineData("2026-09-30", "2026-09-30T17:30+08:00")] // summer season: the afternoon ends at 17:30
    [InlineData("2026-10-08", "2026-10-08T17:00+08:00")] // winter again from 10-01
    public void TL0_AWorkingDayCloses_AtTheEndOfItsSeasonsAfternoonSession(string day, string closes)
    {
        var closing = Calendar.ClosingOf(Day(day));

        Assert.Equal(Instant(closes), closing);
        Assert.Equal(TimeSpan.FromHours(8), closing.Offset);
    }

    [Theory]
    [InlineData("2026-10-01")] // 国庆节
    [InlineData("2026-03-07")] // an ordinary Saturday
    public void ClosingOf_ADayTheHallDoesNotOpen_IsRefused(string day)
    {
        var error = Assert.Throws<ArgumentException>(() => Calendar.ClosingOf(Day(day)));
        Assert.Contains(day, error.Message);
    }
}
