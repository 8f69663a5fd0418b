using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Rounds;

namespace HallOps.Jobs;

/// <summary>
/// Each hour (HY4): a hygiene rectification past its due date — working days on the hall's calendar —
/// and not reported done raises one overdue alert; one reported done has its alert resolved. Run
/// twice, nothing is raised twice.
/// </summary>
public sealed class RectificationOverdueJob(RectificationMonitor monitor)
{
    public const string Id = "rectification-overdue";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await monitor.CheckAsync(cancellationToken);
    }
}
