using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Jobs;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Jobs;

/// <summary>
/// Records that the jobs server is alive. /health and the wall screen's status line read the
/// row; a beat older than a few minutes means the scans that enforce the regulations are not running.
/// </summary>
public sealed class HeartbeatJob(IDbContextFactory<HallDbContext> contexts, TimeProvider time)
{
    public const string Id = "jobs-heartbeat";

    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var beat = await db.JobHeartbeats.SingleOrDefaultAsync(h => h.Name == JobHeartbeat.Default, cancellationToken);
        if (beat is null)
        {
            beat = new JobHeartbeat { Name = JobHeartbeat.Default, Host = Environment.MachineName };
            db.JobHeartbeats.Add(beat);
        }
        beat.BeatAt = time.GetUtcNow();
        beat.Host = Environment.MachineName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the first beat at the same moment: its beat stands.
        }
    }
}
