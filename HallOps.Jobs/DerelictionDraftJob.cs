using Hangfire;
using HallOps.Domain.Accountability;
using HallOps.Domain.Audit;

namespace HallOps.Jobs;

/// <summary>
/// Every 15 minutes (AC1): one dereliction draft per round exception and per alert escalated and
/// still not acknowledged an hour after its escalation, for the office or the manager to decide.
/// Idempotent: a rerun or a second instance drafts nothing twice (unique source keys).
/// </summary>
public sealed class DerelictionDraftJob(DerelictionDrafter drafter)
{
    public const string Id = "dereliction-draft";

    public const string Cron = "*/15 * * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await drafter.RunAsync(cancellationToken);
    }
}
