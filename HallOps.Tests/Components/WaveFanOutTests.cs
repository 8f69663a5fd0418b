using System.Diagnostics;
using HallOps.Web.Wall;

namespace HallOps.Tests.Components;

/// <summary>
/// The wall's fan-out (AB4: every screen shows a change as it happens) hands a frame to the screens a
/// wave at a time, so a clerk's click that arrives during a fan-out to a thousand screens is not
/// queued behind all of them.
/// </summary>
public sealed class WaveFanOutTests
{
    [Fact]
    public async Task EveryTargetRunsOnce_InWavesOfTheGivenSize()
    {
        var runs = new int[200];
        var running = 0;
        var mostAtOnce = 0;

        await WaveFanOut.RunAsync(Enumerable.Range(0, 200).ToArray(), 64, target =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            Interlocked.Increment(ref runs[target]);
            Spin(TimeSpan.FromMilliseconds(1));
            Interlocked.Decrement(ref running);
        });

        Assert.All(runs, count => Assert.Equal(1, count));
        Assert.InRange(mostAtOnce, 1, 64);
    }

    [Fact]
    public async Task WorkQueuedDuringAFanOut_RunsBeforeTheLastWave_NotBehindEveryScreen()
    {
        const int screens = 640;
        var shown = 0;
        var shownWhenTheClickRan = -1;
        var click = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await WaveFanOut.RunAsync(Enumerable.Range(0, screens).ToArray(), 64, target =>
        {
            if (target == 0)
            {
                // A clerk's click arrives while the first screens update.
                ThreadPool.UnsafeQueueUserWorkItem<object?>(_ =>
                {
                    shownWhenTheClickRan = Volatile.Read(ref shown);
                    click.SetResult();
                }, null, preferLocal: false);
            }
            Spin(TimeSpan.FromMilliseconds(0.5));
            Interlocked.Increment(ref shown);
        });
        await click.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(screens, shown);
        // All screens queued at once, the click would wait behind ~640 of them; in waves, behind the first one or two.
        Assert.InRange(shownWhenTheClickRan, 0, 2 * 64);
        // The wall's own waves are as small.
        Assert.InRange(WaveFanOut.DefaultWave, 16, 64);
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    private static void Spin(TimeSpan time)
    {
        var until = Stopwatch.GetTimestamp() + (long)(time.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(20);
        }
    }
}
