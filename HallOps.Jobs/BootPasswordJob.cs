using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Network;

namespace HallOps.Jobs;

/// <summary>
/// Each morning on working days and at start (IT5): every machine holding important files whose holder
/// has not confirmed its boot password this quarter, past the quarter's grace working days, has one open
/// alert; a confirmed one has none. Run twice, nothing is raised twice.
/// </summary>
public sealed class BootPasswordJob(BootPasswordMonitor monitor)
{
    public const string Id = "boot-password-check";

    /// <summary>08:00 in the hall's zone, Monday to Saturday (an adjusted working Saturday included; the grace count is on the calendar).</summary>
    public const string Cron = "0 8 * * 1-6";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await monitor.CheckAsync(cancellationToken);
    }
}
