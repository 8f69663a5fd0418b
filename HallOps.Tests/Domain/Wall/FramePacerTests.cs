using HallOps.Web.Push;
using HallOps.Web.Reports;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Domain.Wall;

/// <summary>
/// The wall screens and a clerk's page show a change after a quiet spell at once and fold a steady
/// stream of hall events into a bounded number of frames a second (WS push: the wall stays live
/// under a busy hall without falling behind).
/// </summary>
public class FramePacerTests
{
    public static TheoryData<int, int, double[], double[]> Streams => new()
    {
        // rate, burst, seconds between claims (from the previous claim's start), expected waits (ms)
        // A quiet hall: every change at once.
        { 4, 3, [0, 1, 1, 1], [0, 0, 0, 0] },
        // A burst: the first three at once, then one frame per 250 ms, each after the one before.
        { 4, 3, [0, 0, 0, 0, 0], [0, 0, 0, 250, 500] },
        // After a quiet spell the bucket is full again, but never more than the burst.
        { 4, 3, [0, 0, 0, 0, 10, 0, 0, 0], [0, 0, 0, 250, 0, 0, 0, 250] },
        // A frame half a period after an exhausted bucket waits the other half.
        { 2, 1, [0, 0.25], [0, 250] },
        // The clerk's page: two a second.
        { 2, 3, [0, 0, 0, 0], [0, 0, 0, 500] },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void Take_WaitsOnlyWhenTheBurstIsSpent(int perSecond, int burst, double[] gaps, double[] expectedMilliseconds)
    {
        var clock = new FakeTimeProvider();
        var pacer = new FramePacer(perSecond, burst, clock);

        var waits = new List<double>();
        foreach (var gap in gaps)
        {
            clock.Advance(TimeSpan.FromSeconds(gap));
            waits.Add(Math.Round(pacer.Take().TotalMilliseconds));
        }

        Assert.Equal(expectedMilliseconds, waits);
    }

    [Fact]
    public void ASteadyStream_TakesAtMostTheRateAfterTheBurst()
    {
        // Twenty events a second for ten seconds, each shown after the wait it was given.
        var clock = new FakeTimeProvider();
        var pacer = new FramePacer(4, 3, clock);
        var shown = 0;
        var end = clock.GetUtcNow().AddSeconds(10);
        var nextEvent = clock.GetUtcNow();
        while (nextEvent < end)
        {
            var wait = pacer.Take();
            clock.Advance(wait);
            shown++;
            // Events that arrived while this frame waited are in it; the next frame is for the next event after.
            while (nextEvent <= clock.GetUtcNow())
            {
                nextEvent = nextEvent.AddMilliseconds(50);
            }
            clock.Advance(nextEvent - clock.GetUtcNow());
        }

        Assert.InRange(shown, 40, 3 + 40);
    }

    [Fact]
    public async Task APacedReload_FoldsTheRequestsMadeWhileItWaited_IntoOneReload()
    {
        var runs = 0;
        var coalescer = new ReloadCoalescer(() =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }, pacer: new FramePacer(perSecond: 1, burst: 1, TimeProvider.System));

        coalescer.Request();
        await coalescer.Idle;
        Assert.Equal(1, runs);

        // The bucket is spent: the next reload waits about a second, and the requests made meanwhile are in it.
        for (var i = 0; i < 20; i++)
        {
            coalescer.Request();
        }
        Assert.Equal(1, runs);
        await coalescer.Idle;

        Assert.Equal(2, runs);
    }
}
