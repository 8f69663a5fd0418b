using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Coverage;

namespace HallOps.Jobs;

/// <summary>
/// Each minute: raises what time alone causes (opening time arriving with nobody signed on, AB4),
/// resolves what closing time clears, escalates unacknowledged alerts, and repairs anything a crash
/// between a presence write and its alert write left behind.
/// </summary>
public sealed class CoverageScanJob(CoverageMonitor monitor)
{
    public const string Id = "coverage-scan";

    [DisableConcurrentExecution(timeoutInSeconds: 50)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await monitor.ReconcileAsync(cancellationToken);
    }
}
