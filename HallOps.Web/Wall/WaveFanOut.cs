namespace HallOps.Web.Wall;

/// <summary>
/// Runs one piece of work per screen on the thread pool, a wave of screens at a time: each wave is
/// queued when the one before it has finished. Work queued meanwhile — a clerk's click, a guard's
/// scan — therefore runs between two waves instead of behind every screen of the hall: with a
/// thousand screens on one core a click waits for one wave (a few milliseconds), not the whole
/// fan-out. The screens of a wave still run in parallel on as many cores as there are.
/// </summary>
public static class WaveFanOut
{
    /// <summary>Screens handed a new frame at once.</summary>
    public const int DefaultWave = 64;

    /// <summary>Runs <paramref name="show"/> for every target, <paramref name="wave"/> at a time; completes when all have run. <paramref name="show"/> must not throw.</summary>
    public static async Task RunAsync<T>(IReadOnlyList<T> targets, int wave, Action<T> show)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wave, 1);
        for (var start = 0; start < targets.Count; start += wave)
        {
            await new Wave<T>(targets, start, Math.Min(start + wave, targets.Count), show).RunAsync();
        }
    }

    private sealed class Wave<T>(IReadOnlyList<T> targets, int start, int end, Action<T> show)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _running = end - start;

        public Task RunAsync()
        {
            for (var i = start; i < end; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static state => state.Wave.Run(state.Target), (Wave: this, Target: targets[i]), preferLocal: false);
            }
            return _done.Task;
        }

        private void Run(T target)
        {
            try
            {
                show(target);
            }
            finally
            {
                if (Interlocked.Decrement(ref _running) == 0)
                {
                    _done.SetResult();
                }
            }
        }
    }
}
