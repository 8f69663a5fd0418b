using System.Globalization;

namespace HallOps.Web.Wall;

/// <summary>How the wall writes times: the hall's clock time, and a date when it is not today's.</summary>
public static class WallTime
{
    /// <summary>"21:05" in the hall's zone; empty for no time.</summary>
    public static string Clock(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } instant ? TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>"21:05" when on <paramref name="now"/>'s date in the hall's zone, else the date in the UI's language and the time ("11月25日 08:00").</summary>
    public static string ClockOrDate(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.Date == TimeZoneInfo.ConvertTime(now, zone).Date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("M", CultureInfo.CurrentUICulture) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>"AwaitingGuard" → "awaiting-guard": a state as a CSS class or data value.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
