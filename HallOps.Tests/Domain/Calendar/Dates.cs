using System.Globalization;

namespace HallOps.Tests.Domain.Calendar;

/// <summary>Reads the ISO dates and instants the calendar tables are written in.</summary>
internal static class Dates
{
    /// <summary>"2026-02-14" → a date.</summary>
    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] InstantFormats =
        ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm'Z'", "yyyy-MM-ddTHH:mm:ss'Z'"];

    /// <summary>"2026-02-14T08:30+08:00" or "2026-02-14T00:30Z" → an instant; an instant without its offset is refused.</summary>
    public static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.ParseExact(iso, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>"08:30" → a time of day.</summary>
    public static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
}
