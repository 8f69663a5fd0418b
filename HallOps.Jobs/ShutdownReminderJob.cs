using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Rounds;

namespace HallOps.Jobs;

/// <summary>
/// Each minute, the windows' closing routine (SE4, SE5, IT7, SE2.2): at closing + 10 minutes a window
/// whose shutdown check is still open is reminded once; at closing + 30 minutes the unfinished checks
/// go to the guards' evening round to verify. Idempotent: a rerun, a second instance or a run after
/// a crash reminds and hands over nothing twice.
/// </summary>
public sealed class ShutdownReminderJob(ShutdownRoutine routine)
{
    public const string Id = "shutdown-reminder";

    [DisableConcurrentExecution(timeoutInSeconds: 50)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await routine.RunAsync(cancellationToken);
    }
}
