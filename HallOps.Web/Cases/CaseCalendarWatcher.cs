using HallOps.Domain.Audit;
using HallOps.Domain.Cases;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Web.Cases;

/// <summary>
/// Calendar edits apply to open cases (TL0): when the working calendar changes (a holiday added,
/// an adjusted working day moved), every open case's due time is recomputed and the lights follow.
/// A burst of calendar events (a whole year's holidays saved at once) makes one recompute after it.
/// </summary>
public sealed class CaseCalendarWatcher(HallEventFeed feed, CaseDeadlineScanner scanner, ILogger<CaseCalendarWatcher> logger) : BackgroundService
{
    public const string Actor = "case-calendar-recompute";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = System.Threading.Channels.Channel.CreateBounded<bool>(
            new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });
        using var subscription = feed.Subscribe(hallEvent =>
        {
            if (hallEvent.Subject == HallSubjects.Calendar)
            {
                changed.Writer.TryWrite(true);
            }
            return Task.CompletedTask;
        });
        try
        {
            while (await changed.Reader.WaitToReadAsync(stoppingToken))
            {
                changed.Reader.TryRead(out _);
                try
                {
                    using var actor = HallActor.Use(Domain.Audit.Actor.System(Actor));
                    var result = await scanner.RecomputeOpenAsync(stoppingToken);
                    logger.LogInformation("Calendar changed: open cases recomputed, {Changed} lights changed", result.Changed);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Open cases could not be recomputed after a calendar change; the next change retries");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
