namespace HallOps.Web.Push;

/// <summary>The newest hall-event time (Unix µs) a screen has been asked to show, kept by several threads at once.</summary>
public static class EventStamp
{
    /// <summary>Moves <paramref name="stamp"/> forward to <paramref name="microseconds"/>, never back.</summary>
    public static void Advance(ref long stamp, long microseconds)
    {
        var seen = Interlocked.Read(ref stamp);
        while (microseconds > seen)
        {
            var found = Interlocked.CompareExchange(ref stamp, microseconds, seen);
            if (found == seen)
            {
                return;
            }
            seen = found;
        }
    }
}
