using Hangfire;
using HallOps.Domain.Appointments;
using HallOps.Domain.Audit;

namespace HallOps.Jobs;

/// <summary>
/// Daily at 18:00 hall time, after closing (AP4.4): on the last working day of the week (per the working
/// calendar: an adjusted Saturday workday moves it) the week's appointment report is kept for the
/// government service section; a week missed in the last eight is made up. Run twice, still one report per week.
/// </summary>
public sealed class AppointmentReportJob(AppointmentReporter reporter)
{
    public const string Id = "appointment-weekly-report";

    public const string Cron = "0 18 * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await reporter.RunAsync(cancellationToken);
    }
}
