using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Rounds;

namespace HallOps.Jobs;

/// <summary>
/// Each morning and at start (SE2.4): every active piece of fire equipment due today or overdue has
/// one open due alert; an inspected, deactivated or re-dated one has none. Run twice, nothing is
/// raised twice.
/// </summary>
public sealed class FireEquipmentJob(FireEquipmentMonitor monitor)
{
    public const string Id = "fire-equipment-due";

    /// <summary>07:30 in the hall's zone, before the hall opens.</summary>
    public const string Cron = "30 7 * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await monitor.CheckAsync(cancellationToken);
    }
}
