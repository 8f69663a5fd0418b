namespace HallOps.Bench.Circuits;

/// <summary>A set of durations in microseconds, summarized as milliseconds.</summary>
public sealed class Durations
{
    private readonly List<long> _values = [];

    public int Count
    {
        get
        {
            lock (_values)
            {
                return _values.Count;
            }
        }
    }

    public void Add(long microseconds)
    {
        lock (_values)
        {
            _values.Add(microseconds);
        }
    }

    public void Clear()
    {
        lock (_values)
        {
            _values.Clear();
        }
    }

    /// <summary>The p-th percentile (nearest rank) in milliseconds, or NaN when empty.</summary>
    public double PercentileMs(double p)
    {
        long[] sorted;
        lock (_values)
        {
            sorted = [.. _values];
        }
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] / 1000.0;
    }
}

/// <summary>
/// Latency from each hall event's server-side stamp (data-event-us) to its render batch arriving at
/// every passive screen: per screen, and per event the slowest screen and how many screens saw it.
/// </summary>
public sealed class EventLatencies
{
    private readonly Dictionary<long, (int Screens, long FirstUs, long SlowestUs)> _events = [];
    private readonly long[] _lastStamp;

    public EventLatencies(int screens) => _lastStamp = new long[screens];

    public Durations PerScreen { get; } = new();

    /// <summary>Records a batch that arrived at screen <paramref name="screen"/>, if it carries a stamp newer than the screen's last.</summary>
    public void Record(int screen, BatchArrival arrival)
    {
        if (arrival.StampUs <= _lastStamp[screen])
        {
            return;
        }
        _lastStamp[screen] = arrival.StampUs;
        var latency = arrival.ArrivedUs - arrival.StampUs;
        PerScreen.Add(latency);
        lock (_events)
        {
            _events[arrival.StampUs] = _events.TryGetValue(arrival.StampUs, out var seen)
                ? (seen.Screens + 1, Math.Min(seen.FirstUs, latency), Math.Max(seen.SlowestUs, latency))
                : (1, latency, latency);
        }
    }

    /// <summary>Forgets what was recorded (the screens' last stamps stay, so old events are not counted again).</summary>
    public void Clear()
    {
        PerScreen.Clear();
        lock (_events)
        {
            _events.Clear();
        }
    }

    /// <summary>Per event, the time until the first and the slowest screen had it; and the events every screen saw.</summary>
    public (Durations First, Durations Slowest, int Events, int SeenByAll) EveryScreen(int screens)
    {
        var first = new Durations();
        var slowest = new Durations();
        var all = 0;
        lock (_events)
        {
            foreach (var (_, (count, firstUs, slowestUs)) in _events)
            {
                first.Add(firstUs);
                slowest.Add(slowestUs);
                all += count >= screens ? 1 : 0;
            }
            return (first, slowest, _events.Count, all);
        }
    }
}
