namespace HallOps.Web.Guard;

/// <summary>
/// A guard's duty night (SE2.1, SE2.2): from noon to the next noon in the hall's zone, so the
/// 23:30 round and everything found after midnight still belong to the evening it started.
/// </summary>
public readonly record struct GuardNight(DateOnly Date, DateTimeOffset From, DateTimeOffset To)
{
    private static readonly TimeOnly Noon = new(12, 0);

    public static GuardNight Of(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (local.TimeOfDay < Noon.ToTimeSpan())
        {
            date = date.AddDays(-1);
        }
        return new GuardNight(date, Instant(date, zone), Instant(date.AddDays(1), zone));
    }

    public bool Contains(DateTimeOffset at) => at >= From && at < To;

    private static DateTimeOffset Instant(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(Noon, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
