using Hangfire;
using HallOps.Domain.Appointments;
using HallOps.Domain.Audit;

namespace HallOps.Jobs;

/// <summary>
/// Every minute (AP4.2, AP4.3): requests unanswered at their reply deadline alert the window (and
/// escalate to the manager), the serving staff member is reminded before the slot, a slot nobody
/// checked in for alerts the manager. Idempotent: a rerun or a second instance raises and reminds
/// nothing twice.
/// </summary>
public sealed class AppointmentJob(AppointmentMonitor monitor)
{
    public const string Id = "appointment-scan";

    [DisableConcurrentExecution(timeoutInSeconds: 50)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await monitor.ScanAsync(cancellationToken: cancellationToken);
    }
}
