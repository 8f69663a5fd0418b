using Hangfire;
using Hangfire.Common;
using HallOps.Jobs;

namespace HallOps.Tests.ScaleOut;

/// <summary>Hall:Jobs:Cron:&lt;job-id&gt; replaces one recurring job's schedule (the scale-out tests' fast heartbeat).</summary>
public sealed class JobCronOverrideTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void WithoutOverrides_EveryJobKeepsItsSchedule_InTheHallsZone()
    {
        var jobs = new RecordingJobs();
        JobSchedule.Register(jobs, Zone);

        Assert.Equal(Cron.Minutely(), jobs.Crons[HeartbeatJob.Id]);
        Assert.Equal("*/15 * * * *", jobs.Crons[RoundPlanJob.Id]);
        Assert.Equal(BootPasswordJob.Cron, jobs.Crons[BootPasswordJob.Id]);
        Assert.Equal(15, jobs.Crons.Count);
        Assert.All(jobs.Zones, zone => Assert.Equal(Zone, zone));
    }

    [Fact]
    public void AnOverride_ReplacesOnlyTheScheduleOfTheJobItNames_SecondsIncluded()
    {
        var jobs = new RecordingJobs();
        JobSchedule.Register(jobs, Zone, new Dictionary<string, string> { [HeartbeatJob.Id] = " */10 * * * * * " });

        Assert.Equal("*/10 * * * * *", jobs.Crons[HeartbeatJob.Id]);
        Assert.Equal(Cron.Minutely(), jobs.Crons[CoverageScanJob.Id]);
        Assert.Equal(typeof(HeartbeatJob), jobs.Types[HeartbeatJob.Id]);
    }

    [Fact]
    public void AnOverrideForAnUnknownJob_StopsTheStart_NamingTheKey()
    {
        var jobs = new RecordingJobs();
        var error = Assert.Throws<InvalidOperationException>(() =>
            JobSchedule.Register(jobs, Zone, new Dictionary<string, string> { ["jobs-hartbeat"] = "* * * * *" }));

        Assert.Contains("Hall:Jobs:Cron:jobs-hartbeat", error.Message, StringComparison.Ordinal);
        Assert.Empty(jobs.Crons);
    }

    private sealed class RecordingJobs : IRecurringJobManager
    {
        public Dictionary<string, string> Crons { get; } = [];

        public Dictionary<string, Type> Types { get; } = [];

        public List<TimeZoneInfo> Zones { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
        {
            Crons[recurringJobId] = cronExpression;
            Types[recurringJobId] = job.Type;
            Zones.Add(options.TimeZone);
        }

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
