using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Cases;

namespace HallOps.Jobs;

/// <summary>
/// Each minute (TL5, AC2 type 2): cases whose light is due to change turn yellow or red, each
/// transition raises its alert and pushes it, red drafts the overdue dereliction record. Reads only
/// the cases that change (an index on their next light time). Idempotent: a killed run, a rerun or
/// a second instance raises and drafts nothing twice.
/// </summary>
public sealed class CaseDeadlineScanJob(CaseDeadlineScanner scanner)
{
    public const string Id = "case-deadline-scan";

    [DisableConcurrentExecution(timeoutInSeconds: 50)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await scanner.ScanAsync(cancellationToken);
    }
}
