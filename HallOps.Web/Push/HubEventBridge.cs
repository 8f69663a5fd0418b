using HallOps.Domain.Events;
using HallOps.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace HallOps.Web.Push;

/// <summary>
/// Sends the hall events raised on this instance to the hub's clients. With the Redis backplane
/// the hub itself carries them to the clients of the other instances, so relayed events are skipped.
/// </summary>
public sealed class HubEventBridge(HallEventFeed feed, IHubContext<HallHub, IHallHubClient> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(hallEvent =>
            hallEvent.Origin == feed.InstanceId ? hub.Clients.All.HallEvent(hallEvent) : Task.CompletedTask);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
