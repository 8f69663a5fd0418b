using HallOps.Domain.Jobs;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Health;

/// <summary>The jobs server is alive when its heartbeat is fresher than Hall:HeartbeatStaleMinutes.</summary>
public sealed class JobsHeartbeatHealthCheck(IDbContextFactory<HallDbContext> contexts, TimeProvider time, IOptions<HallOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var beat = await db.JobHeartbeats.AsNoTracking().SingleOrDefaultAsync(h => h.Name == JobHeartbeat.Default, cancellationToken);
        var status = JobsStatus.Of(beat, time.GetUtcNow(), TimeSpan.FromMinutes(options.Value.HeartbeatStaleMinutes));
        var data = new Dictionary<string, object>();
        if (beat is not null)
        {
            data["lastBeat"] = beat.BeatAt.ToString("O");
            data["host"] = beat.Host;
        }
        return status switch
        {
            JobsState.Alive => HealthCheckResult.Healthy("jobs heartbeat fresh", data),
            JobsState.Starting => HealthCheckResult.Degraded("no heartbeat yet", data: data),
            _ => HealthCheckResult.Unhealthy("jobs heartbeat stale", data: data),
        };
    }
}
