using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Rounds;

namespace HallOps.Jobs;

/// <summary>
/// Every 15 minutes: plans the rounds due in the next day from the schedules (shutdown checks,
/// evening rounds, hygiene checks and inspections). Planning twice adds nothing.
/// </summary>
public sealed class RoundPlanJob(RoundPlanner planner, TimeProvider time)
{
    public const string Id = "round-plan";

    /// <summary>How far ahead rounds are planned (and how far back a missed planning run is made good).</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    public static readonly TimeSpan Behind = TimeSpan.FromHours(2);

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        var now = time.GetUtcNow();
        await planner.PlanAsync(now - Behind, now + Ahead, cancellationToken);
    }
}

/// <summary>Each minute: rounds past their due-by line raise an overdue alert, past their missed line they are missed.</summary>
public sealed class RoundMonitorJob(RoundMonitor monitor)
{
    public const string Id = "round-monitor";

    [DisableConcurrentExecution(timeoutInSeconds: 50)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await monitor.CheckAsync(cancellationToken);
    }
}
