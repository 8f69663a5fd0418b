using System.Globalization;
using HallOps.Domain.Calendar;

namespace HallOps.Domain.Rounds;

/// <summary>Which days a schedule runs on.</summary>
public enum ScheduleDays
{
    /// <summary>Every working day of the hall's calendar (adjusted working days included, holidays not).</summary>
    WorkingDays = 1,

    /// <summary>Every day, holidays included (guards' rounds).</summary>
    EveryDay = 2,

    /// <summary>Given weekdays; with <see cref="ScheduleRule.WorkingDaysOnly"/>, only when they are working days.</summary>
    Weekly = 3,
}

/// <summary>What a time of day is counted from.</summary>
public enum ScheduleAnchor
{
    /// <summary>A clock time in the hall's zone.</summary>
    Clock = 1,

    /// <summary>The hall's opening (the morning session's start) on that date.</summary>
    Opening = 2,

    /// <summary>The hall's closing (the afternoon session's end) on that date.</summary>
    Closing = 3,
}

/// <summary>A time of day: a clock time, or opening/closing plus or minus minutes.</summary>
public sealed record ScheduleTime(ScheduleAnchor Anchor, TimeOnly Clock = default, int OffsetMinutes = 0);

/// <summary>
/// When a round is due, in the hall's zone and on its calendar — a small cron-like rule a manager
/// can read and type:
/// <c>workdays at closing</c>, <c>workdays at opening-30</c>, <c>daily at 21:00, 23:30</c>,
/// <c>weekly mon,thu at 09:00</c>, <c>weekly fri at closing-60 workdays</c>.
/// </summary>
public sealed record ScheduleRule(ScheduleDays Days, IReadOnlyList<ScheduleTime> Times, IReadOnlyList<DayOfWeek> Weekdays, bool WorkingDaysOnly)
{
    private static readonly Dictionary<string, DayOfWeek> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Reads a rule; null with <paramref name="error"/> (a <see cref="ScheduleError"/>) when it cannot be read.</summary>
    public static ScheduleRule? TryParse(string? text, out ScheduleError? error)
    {
        error = null;
        var words = (text ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 3)
        {
            error = ScheduleError.Empty;
            return null;
        }
        var at = Array.FindIndex(words, w => w.Equals("at", StringComparison.OrdinalIgnoreCase));
        if (at < 1 || at == words.Length - 1)
        {
            error = ScheduleError.NoTime;
            return null;
        }
        var workingOnly = words[^1].Equals("workdays", StringComparison.OrdinalIgnoreCase) && at < words.Length - 2;
        var timeWords = words[(at + 1)..(workingOnly ? words.Length - 1 : words.Length)];
        var times = new List<ScheduleTime>();
        foreach (var part in string.Join("", timeWords).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ParseTime(part) is not { } time)
            {
                error = ScheduleError.BadTime;
                return null;
            }
            times.Add(time);
        }
        if (times.Count == 0)
        {
            error = ScheduleError.NoTime;
            return null;
        }

        var head = words[0].ToLowerInvariant();
        switch (head)
        {
            case "workdays" when at == 1:
                return new ScheduleRule(ScheduleDays.WorkingDays, times, [], true);
            case "daily" when at == 1:
                return new ScheduleRule(ScheduleDays.EveryDay, times, [], workingOnly);
            case "weekly" when at == 2:
                var days = new List<DayOfWeek>();
                foreach (var name in words[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!WeekdayNames.TryGetValue(name, out var day))
                    {
                        error = ScheduleError.BadWeekday;
                        return null;
                    }
                    days.Add(day);
                }
                return new ScheduleRule(ScheduleDays.Weekly, times, days.Distinct().ToList(), workingOnly);
            default:
                error = ScheduleError.BadDays;
                return null;
        }
    }

    private static ScheduleTime? ParseTime(string text)
    {
        foreach (var (name, anchor) in new[] { ("opening", ScheduleAnchor.Opening), ("closing", ScheduleAnchor.Closing) })
        {
            if (!text.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var rest = text[name.Length..];
            if (rest.Length == 0)
            {
                return new ScheduleTime(anchor);
            }
            return rest[0] is '+' or '-'
                && int.TryParse(rest, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minutes)
                && Math.Abs(minutes) <= 12 * 60
                ? new ScheduleTime(anchor, OffsetMinutes: minutes)
                : null;
        }
        return TimeOnly.TryParseExact(text, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? new ScheduleTime(ScheduleAnchor.Clock, clock)
            : null;
    }

    /// <summary>Whether the rule runs on a date.</summary>
    public bool RunsOn(DateOnly date, WorkingCalendar calendar) => Days switch
    {
        ScheduleDays.WorkingDays => calendar.IsWorkingDay(date),
        ScheduleDays.EveryDay => !WorkingDaysOnly || calendar.IsWorkingDay(date),
        _ => Weekdays.Contains(date.DayOfWeek) && (!WorkingDaysOnly || calendar.IsWorkingDay(date)),
    };

    /// <summary>
    /// The instants the rule is due from, in [<paramref name="from"/>, <paramref name="to"/>), in order.
    /// Opening and closing are read from the date's season; on a date the hall does not open, a
    /// rule anchored on them has no occurrence.
    /// </summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar)
    {
        // A day's occurrences may reach a few hours into the next or previous date: look one day around.
        for (var date = calendar.LocalDate(from).AddDays(-1); date <= calendar.LocalDate(to).AddDays(1); date = date.AddDays(1))
        {
            if (!RunsOn(date, calendar))
            {
                continue;
            }
            var season = calendar.Hours.SeasonOn(date);
            var instants = Times.Select(t => t.Anchor switch
            {
                ScheduleAnchor.Opening when calendar.IsWorkingDay(date) => calendar.ToInstant(date, season.Morning.Start).AddMinutes(t.OffsetMinutes),
                ScheduleAnchor.Closing when calendar.IsWorkingDay(date) => calendar.ToInstant(date, season.Afternoon.End).AddMinutes(t.OffsetMinutes),
                ScheduleAnchor.Clock => calendar.ToInstant(date, t.Clock),
                _ => (DateTimeOffset?)null,
            });
            foreach (var instant in instants.OfType<DateTimeOffset>().Distinct().Order())
            {
                if (instant >= from && instant < to)
                {
                    yield return instant;
                }
            }
        }
    }
}

public enum ScheduleError
{
    Empty = 1,
    NoTime = 2,
    BadTime = 3,
    BadDays = 4,
    BadWeekday = 5,
}
