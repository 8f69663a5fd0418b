using HallOps.Web.Reports;

namespace HallOps.Tests.Domain.Reports;

/// <summary>The coverage day page reloads on hall events without one load per event.</summary>
public class CoverageDayReloadCoalescerTests
{
    [Fact]
    public async Task CoverageDay_ABurstOfEventsDuringAReload_CausesExactlyOneMoreReload()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        var coalescer = new ReloadCoalescer(async () =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                started.SetResult();
                await release.Task;
            }
        });

        coalescer.Request();
        await started.Task;
        for (var i = 0; i < 50; i++)
        {
            coalescer.Request();
        }
        var busy = coalescer.Idle;
        release.SetResult();
        await busy;

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task CoverageDay_EventsAfterAReloadEnded_StartANewOne_AndAFailureDoesNotStopLaterReloads()
    {
        var runs = 0;
        var failures = new List<Exception>();
        var coalescer = new ReloadCoalescer(() =>
        {
            if (Interlocked.Increment(ref runs) == 1)
            {
                throw new InvalidOperationException("database away");
            }
            return Task.CompletedTask;
        }, failures.Add);

        coalescer.Request();
        await coalescer.Idle;
        coalescer.Request();
        await coalescer.Idle;

        Assert.Equal(2, runs);
        Assert.Single(failures);
    }

    [Fact]
    public async Task EventStamp_AReloadCarriesTheNewestEventRequestedBeforeItStarted_NeverALaterOne()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<long>();
        ReloadCoalescer? coalescer = null;
        coalescer = new ReloadCoalescer(async () =>
        {
            seen.Add(coalescer!.EventMicroseconds);
            if (seen.Count == 1)
            {
                started.SetResult();
                await release.Task;
            }
        });
        var at = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
        HallOps.Domain.Events.HallEvent Event(int seconds) => new("changed", "presence:1", at.AddSeconds(seconds), "test");

        coalescer.Request(Event(2));
        await started.Task;
        coalescer.Request(Event(5));
        coalescer.Request(Event(3));
        var busy = coalescer.Idle;
        release.SetResult();
        await busy;

        Assert.Equal([Event(2).AtMicroseconds, Event(5).AtMicroseconds], seen);
        Assert.Equal(at.AddSeconds(5).ToUnixTimeMilliseconds() * 1000, seen[1]);
    }
}
