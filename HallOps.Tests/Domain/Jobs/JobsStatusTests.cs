using HallOps.Domain.Jobs;

namespace HallOps.Tests.Domain.Jobs;

/// <summary>The jobs server runs the scans that enforce the regulations: a silent one must show.</summary>
public sealed class JobsStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 32, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(null, JobsState.Starting)]
    [InlineData(0, JobsState.Alive)]
    [InlineData(59, JobsState.Alive)]
    [InlineData(180, JobsState.Alive)]
    [InlineData(181, JobsState.Stale)]
    [InlineData(3600, JobsState.Stale)]
    public void Of_CallsTheJobsServerStale_OnceItsLastBeatIsOlderThanTheLimit(int? secondsAgo, JobsState expected)
    {
        var beat = secondsAgo is { } s ? new JobHeartbeat { Name = JobHeartbeat.Default, Host = "hall-1", BeatAt = Now.AddSeconds(-s) } : null;

        Assert.Equal(expected, JobsStatus.Of(beat, Now, TimeSpan.FromMinutes(3)));
    }
}
