using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HallOps.Domain.Events;

/// <summary>
/// The hall's in-process event feed (a singleton). <see cref="Publish"/> never runs a subscriber on
/// the publisher's thread: each subscription drains its own queue, so a slow screen delays no
/// other and a database commit never waits for rendering.
/// </summary>
public sealed class HallEventFeed(ILogger<HallEventFeed> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly ILogger _logger = logger;

    /// <summary>Identifies this app instance, so a relay can tell its own events from others'.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Raised for every event that originates on this instance (relays forward these).</summary>
    public event Action<HallEvent>? PublishedLocally;

    public int SubscriberCount => _subscriptions.Count;

    /// <summary>Publishes an event raised on this instance: delivered here and handed to the relays.</summary>
    public void Publish(HallEvent hallEvent)
    {
        Deliver(hallEvent);
        PublishedLocally?.Invoke(hallEvent);
    }

    /// <summary>Delivers an event to this instance's subscribers only (a relay's entry point).</summary>
    public void Deliver(HallEvent hallEvent)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Enqueue(hallEvent);
        }
    }

    /// <summary>
    /// Subscribes a handler; events reach it in order, one at a time, on its own queue.
    /// Dispose the returned handle to unsubscribe (a component does it in Dispose).
    /// </summary>
    public IDisposable Subscribe(Func<HallEvent, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        _subscriptions.TryAdd(subscription, 0);
        subscription.Start();
        return subscription;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Dispose();
        }
    }

    private sealed class Subscription(HallEventFeed feed, Func<HallEvent, Task> handler) : IDisposable
    {
        private readonly Channel<HallEvent> _queue = Channel.CreateUnbounded<HallEvent>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

        public void Enqueue(HallEvent hallEvent) => _queue.Writer.TryWrite(hallEvent);

        public void Start() => _ = Task.Run(DrainAsync);

        private async Task DrainAsync()
        {
            await foreach (var hallEvent in _queue.Reader.ReadAllAsync())
            {
                try
                {
                    await handler(hallEvent);
                }
                catch (Exception ex)
                {
                    feed._logger.LogWarning(ex, "A subscriber failed to handle {Kind} {Subject}", hallEvent.Kind, hallEvent.Subject);
                }
            }
        }

        public void Dispose()
        {
            feed._subscriptions.TryRemove(this, out _);
            _queue.Writer.TryComplete();
        }
    }
}
