using System.Diagnostics;

namespace HallOps.Tests.Support;

/// <summary>Waits for a condition that another thread or process makes true, with a deadline.</summary>
public static class Eventually
{
    public static async Task<TimeSpan> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Not true within {timeout.TotalSeconds:0.#} s: {because}");
            }
            await Task.Delay(20);
        }
        return watch.Elapsed;
    }
}
