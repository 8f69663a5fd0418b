namespace HallOps.Web.Reports;

/// <summary>
/// Runs a reload when asked, never two at once and never one per request: a request while a reload
/// runs marks it dirty, and one more reload runs after it, however many requests came meanwhile.
/// A page's hall-event handler calls <see cref="Request"/> and returns at once, so a burst of events
/// costs at most two reloads. With a <paramref name="pacer"/>, a steady stream of events costs at
/// most the pacer's reloads a second (the first few of a burst at once).
/// </summary>
public sealed class ReloadCoalescer(Func<Task> reload, Action<Exception>? failed = null, HallOps.Web.Push.FramePacer? pacer = null)
{
    private readonly Lock _gate = new();
    private bool _running;
    private bool _again;
    private long _requestedMicroseconds;

    /// <summary>
    /// The time (Unix µs) of the newest hall event the running or last reload includes: set before
    /// each reload starts, so what it then renders shows at least that event. Pages render it as
    /// <c>data-event-us</c> for latency measurement.
    /// </summary>
    public long EventMicroseconds { get; private set; }

    /// <summary>Completes when the reloads started by the requests so far have run (for tests and disposal).</summary>
    public Task Idle { get; private set; } = Task.CompletedTask;

    /// <summary>Asks for a reload because of <paramref name="cause"/>, whose time the reload's render then carries.</summary>
    public void Request(HallOps.Domain.Events.HallEvent cause)
    {
        HallOps.Web.Push.EventStamp.Advance(ref _requestedMicroseconds, cause.AtMicroseconds);
        Request();
    }

    /// <summary>Asks for a reload: starts one, or makes the running one be followed by exactly one more.</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
            Idle = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            if (pacer is not null && await pacer.WaitForFrameAsync())
            {
                lock (_gate)
                {
                    // The requests made while this one waited are in the reload that follows.
                    _again = false;
                }
            }
            EventMicroseconds = Interlocked.Read(ref _requestedMicroseconds);
            try
            {
                await reload();
            }
            catch (Exception ex)
            {
                failed?.Invoke(ex);
            }
            lock (_gate)
            {
                if (!_again)
                {
                    _running = false;
                    return;
                }
                _again = false;
            }
        }
    }
}
