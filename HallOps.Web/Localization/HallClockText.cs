using System.Globalization;

namespace HallOps.Web.Localization;

/// <summary>A moment as a clerk reads it on a page that lists things still open: the time alone when it is today (hall time), the day before it otherwise.</summary>
public static class HallClockText
{
    /// <summary>"14:32" today; "11月28日 14:32" (en: "November 28 14:32") on another day, in <paramref name="culture"/>.</summary>
    public static string Short(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return local.Date == TimeZoneInfo.ConvertTime(now, zone).Date
            ? time
            : local.ToString(culture.DateTimeFormat.MonthDayPattern, culture) + " " + time;
    }
}
