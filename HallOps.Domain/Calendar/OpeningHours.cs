using System.Globalization;

namespace HallOps.Domain.Calendar;

/// <summary>A day of the year without a year ("05-01"), when an opening season starts. 02-29 is allowed.</summary>
public readonly record struct MonthDay : IComparable<MonthDay>
{
    // A leap year, so that 02-29 is a valid day of the year.
    private const int LeapYear = 2024;

    public MonthDay(int month, int day)
    {
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"Month {month} is not a month (1–12).");
        }

        var daysInMonth = DateTime.DaysInMonth(LeapYear, month);
        if (day < 1 || day > daysInMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"Day {day} is not a day of month {month} (1–{daysInMonth}).");
        }

        Month = month;
        Day = day;
    }

    public int Month { get; }

    public int Day { get; }

    public static MonthDay Of(DateOnly date) => new(date.Month, date.Day);

    /// <summary>Reads "MM-dd" (e.g. "05-01"; "5-1" is accepted too).</summary>
    /// <exception cref="FormatException">The text is not a month and day of the year.</exception>
    public static MonthDay Parse(string text) =>
        TryParse(text, out var monthDay)
            ? monthDay
            : throw new FormatException($"'{text}' is not a day of the year in the form MM-dd (e.g. 05-01).");

    public static bool TryParse(string? text, out MonthDay monthDay)
    {
        monthDay = default;
        var parts = text?.Trim().Split('-');
        if (parts is not [var m, var d]
            || m.Length is < 1 or > 2 || d.Length is < 1 or > 2
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || month is < 1 or > 12
            || day < 1 || day > DateTime.DaysInMonth(LeapYear, month))
        {
            return false;
        }

        monthDay = new MonthDay(month, day);
        return true;
    }

    public int CompareTo(MonthDay other) =>
        Month != other.Month ? Month.CompareTo(other.Month) : Day.CompareTo(other.Day);

    public static bool operator <(MonthDay left, MonthDay right) => left.CompareTo(right) < 0;

    public static bool operator <=(MonthDay left, MonthDay right) => left.CompareTo(right) <= 0;

    public static bool operator >(MonthDay left, MonthDay right) => left.CompareTo(right) > 0;

    public static bool operator >=(MonthDay left, MonthDay right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Month:00}-{Day:00}";
}

/// <summary>A half-day session of the hall, open from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed record OpeningSession
{
    public OpeningSession(TimeOnly start, TimeOnly end)
    {
        if (start >= end)
        {
            throw new ArgumentException(
                $"An opening session must start before it ends; {start:HH\\:mm}–{end:HH\\:mm} does not.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    public bool Contains(TimeOnly time) => time >= Start && time < End;

    public override string ToString() => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}

/// <summary>
/// The hall's hours from <see cref="Starts"/> until the next season starts (作息时间, e.g. 夏季 from
/// 05-01): a morning and an afternoon session with the lunch break between them.
/// </summary>
public sealed record OpeningSeason
{
    public OpeningSeason(string name, MonthDay starts, OpeningSession morning, OpeningSession afternoon)
    {
        ArgumentNullException.ThrowIfNull(morning);
        ArgumentNullException.ThrowIfNull(afternoon);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An opening season needs a name (e.g. 夏季).", nameof(name));
        }

        if (starts == default)
        {
            throw new ArgumentException($"Opening season '{name}' needs the day of the year it starts (e.g. 05-01).", nameof(starts));
        }

        if (morning.End > afternoon.Start)
        {
            throw new ArgumentException(
                $"Opening season '{name}': the morning session ({morning}) must end by the time the afternoon session ({afternoon}) starts.",
                nameof(afternoon));
        }

        Name = name;
        Starts = starts;
        Morning = morning;
        Afternoon = afternoon;
    }

    public string Name { get; }

    public MonthDay Starts { get; }

    public OpeningSession Morning { get; }

    public OpeningSession Afternoon { get; }

    /// <summary>Whether a local time of day falls inside the morning or afternoon session.</summary>
    public bool IsOpenAt(TimeOnly localTime) => Morning.Contains(localTime) || Afternoon.Contains(localTime);
}

/// <summary>
/// The hall's opening hours: one or more seasons, each running from its start day until the next
/// season's, wrapping around the new year ("Opening hours are set per season").
/// </summary>
public sealed class OpeningHours
{
    private static readonly string[] TimeFormats = ["H:mm", "H:mm:ss"];

    private readonly OpeningSeason[] _seasons;

    public OpeningHours(params IEnumerable<OpeningSeason> seasons)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        OpeningSeason[] given = [.. seasons];
        if (given.Length == 0)
        {
            throw new ArgumentException("Opening hours need at least one season.", nameof(seasons));
        }

        if (Array.IndexOf(given, null) >= 0)
        {
            throw new ArgumentException("Opening hours cannot contain a null season.", nameof(seasons));
        }

        _seasons = [.. given.OrderBy(s => s.Starts)];

        for (var i = 1; i < _seasons.Length; i++)
        {
            if (_seasons[i].Starts == _seasons[i - 1].Starts)
            {
                throw new ArgumentException(
                    $"Opening seasons '{_seasons[i - 1].Name}' and '{_seasons[i].Name}' both start on {_seasons[i].Starts}.",
                    nameof(seasons));
            }
        }
    }

    /// <summary>
    /// 夏季 from 05-01: 08:30–12:00 and 14:30–17:30; 冬季 from 10-01: 08:30–12:00 and 14:00–17:00.
    /// </summary>
    public static OpeningHours Default { get; } = new(
        new OpeningSeason(
            "夏季",
            new MonthDay(5, 1),
            new OpeningSession(new TimeOnly(8, 30), new TimeOnly(12, 0)),
            new OpeningSession(new TimeOnly(14, 30), new TimeOnly(17, 30))),
        new OpeningSeason(
            "冬季",
            new MonthDay(10, 1),
            new OpeningSession(new TimeOnly(8, 30), new TimeOnly(12, 0)),
            new OpeningSession(new TimeOnly(14, 0), new TimeOnly(17, 0))));

    /// <summary>The seasons, ordered by the day they start.</summary>
    public IReadOnlyList<OpeningSeason> Seasons => _seasons;

    /// <summary>
    /// The season in force on a date: the one whose start is the latest on or before the date's
    /// month and day, or — before the first start of the year — the last season of the previous year.
    /// </summary>
    public OpeningSeason SeasonOn(DateOnly date)
    {
        var monthDay = MonthDay.Of(date);
        for (var i = _seasons.Length - 1; i >= 0; i--)
        {
            if (_seasons[i].Starts <= monthDay)
            {
                return _seasons[i];
            }
        }

        return _seasons[^1];
    }

    /// <summary>
    /// Builds opening hours from settings (<see cref="OpeningHoursOptions"/>); no seasons gives
    /// <see cref="Default"/>. A missing or malformed value throws an <see cref="ArgumentException"/>
    /// that names the season and the value.
    /// </summary>
    public static OpeningHours From(OpeningHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Seasons is not { Count: > 0 } seasonOptions)
        {
            return Default;
        }

        var seasons = new List<OpeningSeason>(seasonOptions.Count);
        for (var i = 0; i < seasonOptions.Count; i++)
        {
            seasons.Add(ToSeason(seasonOptions[i], i));
        }

        if (seasons.GroupBy(s => s.Starts).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new ArgumentException(
                $"Opening hours Seasons: {string.Join(" and ", clash.Select(s => $"'{s.Name}'"))} both start on {clash.Key}.",
                nameof(options));
        }

        return new OpeningHours(seasons);
    }

    private static OpeningSeason ToSeason(SeasonOptions? options, int index)
    {
        var where = $"Opening hours Seasons[{index}]";
        if (options is null)
        {
            throw new ArgumentException($"{where} is empty.", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            throw new ArgumentException($"{where} has no Name (e.g. 夏季).", nameof(options));
        }

        where = $"{where} '{options.Name}'";
        if (!MonthDay.TryParse(options.Starts, out var starts))
        {
            throw new ArgumentException(
                $"{where}: Starts '{options.Starts}' is not a day of the year in the form MM-dd (e.g. 05-01).", nameof(options));
        }

        var morningStart = ParseTime(options.MorningStart, nameof(SeasonOptions.MorningStart), where);
        var morningEnd = ParseTime(options.MorningEnd, nameof(SeasonOptions.MorningEnd), where);
        var afternoonStart = ParseTime(options.AfternoonStart, nameof(SeasonOptions.AfternoonStart), where);
        var afternoonEnd = ParseTime(options.AfternoonEnd, nameof(SeasonOptions.AfternoonEnd), where);

        if (morningStart >= morningEnd)
        {
            throw new ArgumentException(
                $"{where}: MorningStart '{options.MorningStart}' must be before MorningEnd '{options.MorningEnd}'.", nameof(options));
        }

        if (afternoonStart >= afternoonEnd)
        {
            throw new ArgumentException(
                $"{where}: AfternoonStart '{options.AfternoonStart}' must be before AfternoonEnd '{options.AfternoonEnd}'.", nameof(options));
        }

        if (morningEnd > afternoonStart)
        {
            throw new ArgumentException(
                $"{where}: MorningEnd '{options.MorningEnd}' must not be after AfternoonStart '{options.AfternoonStart}'.", nameof(options));
        }

        return new OpeningSeason(
            options.Name.Trim(),
            starts,
            new OpeningSession(morningStart, morningEnd),
            new OpeningSession(afternoonStart, afternoonEnd));
    }

    private static TimeOnly ParseTime(string? text, string setting, string where) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ArgumentException(
                $"{where}: {setting} '{text}' is not a time of day in the form HH:mm (e.g. 08:30).", "options");
}

/// <summary>
/// Opening hours as settings bind them (e.g. the "OpeningHours" section of appsettings.json);
/// turned into <see cref="OpeningHours"/> by <see cref="OpeningHours.From"/>.
/// </summary>
public sealed class OpeningHoursOptions
{
    public List<SeasonOptions> Seasons { get; set; } = [];
}

/// <summary>One season as settings bind it: "Starts" is "MM-dd", the times are "HH:mm".</summary>
public sealed class SeasonOptions
{
    public string Name { get; set; } = "";

    public string Starts { get; set; } = "";

    public string MorningStart { get; set; } = "";

    public string MorningEnd { get; set; } = "";

    public string AfternoonStart { get; set; } = "";

    public string AfternoonEnd { get; set; } = "";
}
