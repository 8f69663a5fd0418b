namespace HallOps.Tests.Support;

/// <summary>
/// Tests that run a real app on the real clock with the hall open all day (00:00–23:59, hall time)
/// must not straddle midnight: at 23:59 the hall closes and after midnight it is another day. A test
/// started in the last minutes before midnight waits until just after it instead of being skipped.
/// </summary>
public static class HallMidnight
{
    /// <summary>A run started after this hall time could cross 23:59 (closed) or midnight (another day).</summary>
    public static readonly TimeOnly LatestStart = new(23, 55);

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>How long to wait before starting at <paramref name="now"/>: zero before <see cref="LatestStart"/>, else until 00:00:05 the next day.</summary>
    public static TimeSpan WaitBefore(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        if (TimeOnly.FromDateTime(local.DateTime) < LatestStart)
        {
            return TimeSpan.Zero;
        }
        var nextDay = new DateTimeOffset(local.Date.AddDays(1), local.Offset).AddSeconds(5);
        return nextDay - local;
    }

    /// <summary>Waits, on the real clock, until a run started now stays inside one hall day.</summary>
    public static Task WaitPastAsync() => Task.Delay(WaitBefore(TimeProvider.System.GetUtcNow()));
}
