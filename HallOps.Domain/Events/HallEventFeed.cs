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
    private long _delivered;

    /// <summary>Identifies this app instance, so a relay can tell its own events from others'.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Raised for every event that originates on this instance (relays forward these).</summary>
    public event Action<HallEvent>? PublishedLocally;

    public int SubscriberCount => _subscriptions.Count;

    /// <summary>
    /// How many events this instance has delivered so far. An event's number (its place in that count,
    /// see <see cref="Subscribe(Func{HallEvent, long, Task})"/>) is given after its commit: a read that
    /// starts when <see cref="Delivered"/> is n sees the changes of every event numbered up to n.
    /// </summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Publishes an event raised on this instance: delivered here and handed to the relays.</summary>
    public void Publish(HallEvent hallEvent) => Publish([hallEvent]);

    /// <summary>
    /// Publishes events raised together (one commit's): each subscriber receives them in one piece,
    /// so a batch subscriber (<see cref="SubscribeBatches"/>) sees the whole commit at once.
    /// </summary>
    public void Publish(IReadOnlyList<HallEvent> hallEvents)
    {
        if (hallEvents.Count == 0)
        {
            return;
        }
        Deliver(hallEvents);
        foreach (var hallEvent in hallEvents)
        {
            PublishedLocally?.Invoke(hallEvent);
        }
    }

    /// <summary>Delivers an event to this instance's subscribers only (a relay's entry point).</summary>
    public void Deliver(HallEvent hallEvent) => Deliver([hallEvent]);

    private void Deliver(IReadOnlyList<HallEvent> hallEvents)
    {
        var last = Interlocked.Add(ref _delivered, hallEvents.Count);
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Enqueue(new Delivery(hallEvents, last - hallEvents.Count + 1));
        }
    }

    /// <summary>
    /// Subscribes a handler; events reach it in order, one at a time, on its own queue.
    /// Dispose the returned handle to unsubscribe (a component does it in Dispose).
    /// </summary>
    public IDisposable Subscribe(Func<HallEvent, Task> handler) => Subscribe((hallEvent, _) => handler(hallEvent));

    /// <summary>
    /// Subscribes a handler that also receives each event's number (<see cref="Delivered"/>): a page
    /// that read everything when <see cref="Delivered"/> was n already shows the events up to n.
    /// </summary>
    public IDisposable Subscribe(Func<HallEvent, long, Task> handler) => Start(new Subscription(this, handler, null));

    /// <summary>
    /// Subscribes a handler that receives, in order, everything queued for it at once: the events of
    /// one commit always together, and those of several commits that arrived while it was busy.
    /// A subscriber that does one piece of work per change (a shared read) does it once per batch.
    /// </summary>
    public IDisposable SubscribeBatches(Func<IReadOnlyList<HallEvent>, Task> handler) => Start(new Subscription(this, null, handler));

    private Subscription Start(Subscription subscription)
    {
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

    /// <summary>One commit's events, the first numbered <paramref name="First"/>.</summary>
    private readonly record struct Delivery(IReadOnlyList<HallEvent> Events, long First);

    private sealed class Subscription(
        HallEventFeed feed, Func<HallEvent, long, Task>? eachHandler, Func<IReadOnlyList<HallEvent>, Task>? batchHandler) : IDisposable
    {
        private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(
            new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

        public void Enqueue(Delivery delivery) => _queue.Writer.TryWrite(delivery);

        public void Start() => _ = Task.Run(DrainAsync);

        private async Task DrainAsync()
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                if (batchHandler is not null)
                {
                    var batch = new List<HallEvent>();
                    while (_queue.Reader.TryRead(out var queued))
                    {
                        batch.AddRange(queued.Events);
                    }
                    try
                    {
                        await batchHandler(batch);
                    }
                    catch (Exception ex)
                    {
                        feed._logger.LogWarning(ex, "A subscriber failed to handle {Count} events, the first {Kind} {Subject}",
                            batch.Count, batch[0].Kind, batch[0].Subject);
                    }
                    continue;
                }
                while (_queue.Reader.TryRead(out var queued))
                {
                    for (var i = 0; i < queued.Events.Count; i++)
                    {
                        var hallEvent = queued.Events[i];
                        try
                        {
                            await eachHandler!(hallEvent, queued.First + i);
                        }
                        catch (Exception ex)
                        {
                            feed._logger.LogWarning(ex, "A subscriber failed to handle {Kind} {Subject}", hallEvent.Kind, hallEvent.Subject);
                        }
                    }
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
