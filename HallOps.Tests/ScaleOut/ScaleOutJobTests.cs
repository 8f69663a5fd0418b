using Hangfire;
using System.Diagnostics;
using HallOps.Domain.Rounds;
using HallOps.Jobs;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// Two app instances sharing Hangfire's PostgreSQL storage: each occurrence of a recurring job runs
/// once across both, a fire-and-forget job runs once, and a job whose instance is killed mid-run is
/// run again by the survivor within the configured timeouts, its effect made once. Runs are counted
/// by what they write to the database, not by logs.
/// </summary>
[Collection(WebCollection.Name)]
[TestCaseOrderer(ByNameOrderer.TypeName, ByNameOrderer.Assembly)]
public sealed class ScaleOutJobTests(ScaleOutJobTests.Cluster fixture, ITestOutputHelper output) : IAsyncLifetime, IClassFixture<ScaleOutJobTests.Cluster>
{
    /// <summary>The heartbeat's test schedule: every 10 seconds (a seconds-level cron, Hall:Jobs:Cron).</summary>
    private const string FastCron = "*/10 * * * * *";

    /// <summary>How long the recurring job is watched.</summary>
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(70);

    /// <summary>The job timeouts the kill test runs with (production: minutes; see docs/deployment.md).</summary>
    private static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Round schedules added for the kill test: enough rounds that planning them takes seconds.</summary>
    private const int BigSchedules = 40;

    private readonly Stopwatch _total = Stopwatch.StartNew();

    /// <summary>The class's cluster: the heartbeat on its fast cron, short job timeouts, and only the test's round planning.</summary>
    public sealed class Cluster() : ScaleOutFixture(nameof(ScaleOutJobTests), new Dictionary<string, string?>
    {
        [$"{JobSchedule.CronSection}:{HeartbeatJob.Id}"] = FastCron,
        [$"{JobSchedule.CronSection}:{RoundPlanJob.Id}"] = "0 0 1 1 *",
        ["Hall:Jobs:InvisibilityTimeout"] = InvisibilityTimeout.ToString("c"),
        ["Hall:Jobs:DistributedLockTimeout"] = DistributedLockTimeout.ToString("c"),
    });

    [SkippableFact]
    public async Task EachOccurrenceOfARecurringJob_RunsOnceAcrossBothInstances_AndAFireAndForgetJobRunsOnce()
    {
        ScaleOutEnvironment.Need(browser: false);
        var cluster = await fixture.ClusterAsync();
        output.WriteLine(cluster.StartReport);
        var hangfire = new HangfireRecords(cluster.Database);
        // Nothing left over from the instances' starts (each runs a heartbeat once as it starts).
        await Eventually.TrueAsync(async () => (await hangfire.JobsOfAsync(typeof(HeartbeatJob))).All(j => j.RecurringJobId is not null || j.State is "Succeeded" or "Failed" or "Deleted"),
            TimeSpan.FromSeconds(60), "the heartbeats run at start have finished");
        // Every write of the heartbeat row (one per run of the heartbeat job) leaves a line, with the
        // instance that wrote it (its connection's application name).
        await cluster.Database.ExecuteAsync(
            """
            CREATE TABLE heartbeat_writes (id bigserial PRIMARY KEY, beat_at timestamptz NOT NULL,
                written_by text NOT NULL DEFAULT current_setting('application_name'));
            CREATE FUNCTION heartbeat_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO heartbeat_writes (beat_at) VALUES (NEW."BeatAt"); RETURN NEW; END $$;
            CREATE TRIGGER heartbeat_written AFTER INSERT OR UPDATE ON "JobHeartbeats" FOR EACH ROW EXECUTE FUNCTION heartbeat_written();
            """);
        var from = TimeProvider.System.GetUtcNow().UtcDateTime;

        await Task.Delay(Watch / 3);
        var fireAndForget = hangfire.Jobs.Enqueue<HeartbeatJob>(job => job.RunAsync(CancellationToken.None));
        await Task.Delay(Watch - Watch / 3);
        // The operator's way to stop a schedule: after this no occurrence is created.
        hangfire.Recurring.RemoveIfExists(HeartbeatJob.Id);
        await Eventually.TrueAsync(async () => (await hangfire.JobsOfAsync(typeof(HeartbeatJob))).All(j => j.State is "Succeeded" or "Failed" or "Deleted"),
            TimeSpan.FromSeconds(60), "every heartbeat job has finished");

        var jobs = await hangfire.JobsOfAsync(typeof(HeartbeatJob));
        // Counted from the first moment after the trigger exists at which no run was in progress.
        var cut = from.AddSeconds(1);
        while (jobs.Any(j => j.Processing.Any(p => p.At <= cut) && (j.Succeeded?.At ?? DateTime.MaxValue) >= cut))
        {
            cut = cut.AddMilliseconds(200);
        }
        var counted = jobs.Where(j => j.Processing.Any(p => p.At > cut)).ToList();
        var writes = (await cluster.Database.QueryAsync("SELECT beat_at, written_by FROM heartbeat_writes WHERE beat_at > @cut ORDER BY id", ("cut", cut)))
            .Select(r => (At: (DateTime)r[0]!, By: (string)r[1]!)).ToList();
        var recurring = counted.Where(j => j.RecurringJobId == HeartbeatJob.Id).ToList();
        var servers = counted.SelectMany(j => j.Processing).GroupBy(p => HangfireRecords.ProcessOf(p.ServerId))
            .Select(g => $"{(g.Key == cluster.A.ProcessId ? "A" : g.Key == cluster.B.ProcessId ? "B" : g.Key?.ToString() ?? "?")}: {g.Count()}");
        output.WriteLine($"{Watch.TotalSeconds:0} s at {FastCron}: {recurring.Count} occurrences, {counted.Count} heartbeat jobs processed "
            + $"(by {string.Join(", ", servers)}), {writes.Count} heartbeat writes (by {string.Join(", ", writes.GroupBy(w => w.By).Select(g => $"{g.Key}: {g.Count()}"))})");

        Assert.All(counted, j => Assert.Equal("Succeeded", j.State));
        // One run per job: processed once, written once.
        Assert.All(counted, j => Assert.Single(j.Processing));
        Assert.Equal(counted.Count, writes.Count);
        // One job per occurrence, and the schedule kept running (a 10 s cron over the watch, less the edges).
        Assert.Equal(recurring.Count, recurring.Select(j => j.Time).Distinct().Count());
        Assert.InRange(recurring.Count, (int)(Watch.TotalSeconds / 10) - 3, (int)(Watch.TotalSeconds / 10) + 1);
        // The fire-and-forget job ran once, among them.
        var single = Assert.Single(counted, j => j.Id == fireAndForget);
        Assert.Null(single.RecurringJobId);
        Assert.Equal(counted.Count, recurring.Count + 1);
        Assert.All(writes, w => Assert.Contains(w.By, new[] { "hallops-a", "hallops-b" }));
    }

    [SkippableFact]
    public async Task InstanceKilledWhileRunningAJob_TheSurvivorRunsItAgainWithinTheTimeout_AndItsEffectHappensOnce()
    {
        ScaleOutEnvironment.Need(browser: false);
        var cluster = await fixture.ClusterAsync();
        output.WriteLine(cluster.StartReport);
        var hangfire = new HangfireRecords(cluster.Database);

        // A big hall's round plan (SE2): schedules with a round every hour at every window.
        List<int> scheduleIds;
        int windows;
        await using (var db = cluster.Database.CreateDbContext())
        {
            var template = await db.RoundTemplates.Where(t => t.IsActive).OrderBy(t => t.Id).FirstAsync();
            var role = await db.RoundSchedules.Select(s => s.AssigneeRole).FirstAsync();
            windows = await db.Windows.CountAsync(w => w.IsActive);
            var hourly = "daily at " + string.Join(", ", Enumerable.Range(0, 24).Select(h => $"{h:00}:00"));
            var schedules = Enumerable.Range(0, BigSchedules).Select(_ => new RoundScheduleEntry
            {
                TemplateId = template.Id, Rule = hourly, Scope = RoundScope.EachWindow, AssigneeRole = role,
            }).ToList();
            db.RoundSchedules.AddRange(schedules);
            await db.SaveChangesAsync();
            scheduleIds = schedules.Select(s => s.Id).ToList();
        }
        var roundsSql = $"SELECT count(*), count(DISTINCT \"OccurrenceKey\") FROM \"Rounds\" WHERE \"ScheduleId\" IN ({string.Join(',', scheduleIds)})";

        var jobId = hangfire.Jobs.Enqueue<RoundPlanJob>(job => job.RunAsync(CancellationToken.None));
        // Mid-run: the job is processing, and its instance's connection is inserting the rounds.
        AppInstance? runner = null;
        await Eventually.TrueAsync(async () =>
        {
            var job = (await hangfire.JobsOfAsync(typeof(RoundPlanJob))).Single(j => j.Id == jobId);
            Assert.Null(job.Succeeded);
            if (job.Processing.LastOrDefault() is not { } processing)
            {
                return false;
            }
            runner = cluster.Instances.Single(i => i.ProcessId == HangfireRecords.ProcessOf(processing.ServerId));
            var inserting = await cluster.Database.QueryAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND query LIKE '%INSERT INTO \"Rounds\"%'",
                ("app", $"hallops-{runner.Name}"));
            return Convert.ToInt64(inserting[0][0]) > 0;
        }, TimeSpan.FromSeconds(120), "the round plan job is processing and inserting rounds");
        var survivor = cluster.Other(runner!);

        var watch = Stopwatch.StartNew();
        runner!.Kill();
        var killedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        var afterKill = (await cluster.Database.QueryAsync(roundsSql))[0];
        output.WriteLine($"killed {runner.Name} (pid {runner.ProcessId}) while it inserted rounds; rounds committed by then: {afterKill[0]}");
        Assert.Equal(0L, Convert.ToInt64(afterKill[0]));

        var limit = InvisibilityTimeout + DistributedLockTimeout + TimeSpan.FromSeconds(60);
        await Eventually.TrueAsync(async () => (await hangfire.JobsOfAsync(typeof(RoundPlanJob))).Single(j => j.Id == jobId).Succeeded is not null,
            limit, "the survivor has run the killed job again to the end");
        var done = watch.Elapsed;
        var record = (await hangfire.JobsOfAsync(typeof(RoundPlanJob))).Single(j => j.Id == jobId);
        var rerun = record.Processing.Last();
        var rounds = (await cluster.Database.QueryAsync(roundsSql))[0];
        var perSchedule = await cluster.Database.QueryAsync(
            $"SELECT \"ScheduleId\", count(*) FROM \"Rounds\" WHERE \"ScheduleId\" IN ({string.Join(',', scheduleIds)}) GROUP BY \"ScheduleId\"");
        output.WriteLine($"rerun by {survivor.Name} started {(rerun.At - killedAt).TotalSeconds:0.0} s after the kill "
            + $"(invisibility timeout {InvisibilityTimeout.TotalSeconds:0} s, lock timeout {DistributedLockTimeout.TotalSeconds:0} s), "
            + $"succeeded {done.TotalSeconds:0.0} s after it; {rounds[0]} rounds for {BigSchedules} schedules × {windows} windows; "
            + $"processing states: {string.Join(", ", record.Processing.Select(p => $"{p.At:HH:mm:ss.f} pid {HangfireRecords.ProcessOf(p.ServerId)}"))}");

        Assert.Equal(2, record.Processing.Count);
        Assert.Equal(survivor.ProcessId, HangfireRecords.ProcessOf(rerun.ServerId));
        Assert.True(rerun.At - killedAt <= InvisibilityTimeout + TimeSpan.FromSeconds(20),
            $"The survivor took {(rerun.At - killedAt).TotalSeconds:0} s to run the job again (invisibility timeout {InvisibilityTimeout.TotalSeconds:0} s).");
        // Once: every round planned exactly once, every schedule planned whole (the same count each).
        var total = Convert.ToInt64(rounds[0]);
        Assert.Equal(total, Convert.ToInt64(rounds[1]));
        Assert.Equal(BigSchedules, perSchedule.Count);
        Assert.Single(perSchedule.Select(r => Convert.ToInt64(r[1])).Distinct());
        Assert.True(total >= (long)BigSchedules * windows * 24, $"Only {total} rounds planned.");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        output.WriteLine($"test took {_total.Elapsed.TotalSeconds:0.0} s");
        return Task.CompletedTask;
    }
}
