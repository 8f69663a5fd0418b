using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Complaints;

namespace HallOps.Jobs;

/// <summary>
/// Every five minutes (SC2.6, AC5): an open complaint past its due-soon time keeps one 即将超期 alert,
/// past its due time one 超期 alert; a closed complaint's alerts are resolved (closing resolves them
/// at once too). Complaints are due at closing time in working days, so a light a few minutes late
/// changes nothing the office acts on; five minutes keeps the database quiet between runs.
/// Idempotent: a rerun or a second instance raises nothing twice.
/// </summary>
public sealed class ComplaintDeadlineJob(ComplaintDeadlineScanner scanner)
{
    public const string Id = "complaint-deadline-scan";

    public const string Cron = "*/5 * * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 240)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await scanner.ScanAsync(cancellationToken);
    }
}
