using Hangfire;
using HallOps.Domain.Audit;
using HallOps.Domain.Inquiries;

namespace HallOps.Jobs;

/// <summary>
/// Every 15 minutes (FQ3.8): at and after the close of a working day, each inquiry of that day still
/// without a disposition raises one alert to its responder; one that gets its disposition has its alert
/// resolved. Run twice, nothing is raised twice.
/// </summary>
public sealed class InquiryEndOfDayJob(InquiryEndOfDay endOfDay)
{
    public const string Id = "inquiry-end-of-day";

    public const string Cron = "*/15 * * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System(Id));
        await endOfDay.CheckAsync(cancellationToken);
    }
}
