namespace HallOps.Web.Push;

/// <summary>
/// How often a screen (or every screen, for a shared read model) may take a new frame: a token
/// bucket of <paramref name="burst"/> frames refilled at <paramref name="perSecond"/>. A change
/// after a quiet spell is shown at once, as are the first few of a burst; a steady stream of hall
/// events is folded into at most <paramref name="perSecond"/> frames a second, each showing every
/// event before it. So a hall's busy minute costs each screen a bounded number of renders a second
/// instead of one per event, and the CPU saved goes to the clicks that make the events.
/// The clock measures elapsed time only (<see cref="TimeProvider.System"/> in the app: frames are
/// paced in real time even when the hall's clock is set).
/// </summary>
public sealed class FramePacer
{
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _accountedUntil;

    public FramePacer(double perSecond, int burst, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perSecond, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _perSecond = perSecond;
        _burst = burst;
        _clock = clock;
        _tokens = burst;
        _accountedUntil = clock.GetTimestamp();
    }

    /// <summary>
    /// Claims the next frame: how long to wait before showing it (zero when one is free now). The
    /// claim is made either way: call once per frame shown, then wait the time returned.
    /// </summary>
    public TimeSpan Take()
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (now > _accountedUntil)
            {
                var elapsed = (now - _accountedUntil) / (double)_clock.TimestampFrequency;
                _tokens = Math.Min(_burst, _tokens + elapsed * _perSecond);
                _accountedUntil = now;
            }
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return TimeSpan.Zero;
            }
            // The frame waits until a whole one has been earned (after any frame already waiting);
            // the time up to then is spent on it.
            var readyAt = _accountedUntil + (long)((1 - _tokens) / _perSecond * _clock.TimestampFrequency);
            _tokens = 0;
            _accountedUntil = readyAt;
            return _clock.GetElapsedTime(now, readyAt);
        }
    }

    /// <summary>
    /// Claims the next frame and waits until it may be shown: true when it had to wait (changes made
    /// meanwhile belong to this frame), false when it was free at once.
    /// </summary>
    public async Task<bool> WaitForFrameAsync(CancellationToken cancellationToken = default)
    {
        var wait = Take();
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }
        await Task.Delay(wait, _clock, cancellationToken);
        return true;
    }
}
