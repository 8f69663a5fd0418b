using System.Text.Json;
using HallOps.Domain.Events;
using StackExchange.Redis;

namespace HallOps.Web.Push;

public sealed record RedisRelayOptions(string ConnectionString)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("hallops:events");
}

/// <summary>
/// Carries the event feed across app instances: events raised here go to Redis; events from other
/// instances are delivered to this instance's subscribers (components and the hub bridge).
/// </summary>
public sealed class RedisEventRelay(HallEventFeed feed, RedisRelayOptions options, ILogger<RedisEventRelay> logger) : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.ConnectionString);
        configuration.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var subscriber = _redis.GetSubscriber();
        await subscriber.SubscribeAsync(RedisRelayOptions.Channel, (_, message) => Receive(message));
        feed.PublishedLocally += Send;
        logger.LogInformation("Hall events relayed through Redis as instance {Instance}", feed.InstanceId);
    }

    private void Send(HallEvent hallEvent)
    {
        var subscriber = _redis?.GetSubscriber();
        subscriber?.Publish(RedisRelayOptions.Channel, JsonSerializer.Serialize(hallEvent), CommandFlags.FireAndForget);
    }

    private void Receive(RedisValue message)
    {
        if (message.IsNullOrEmpty)
        {
            return;
        }
        var hallEvent = JsonSerializer.Deserialize<HallEvent>(message.ToString());
        if (hallEvent is not null && hallEvent.Origin != feed.InstanceId)
        {
            feed.Deliver(hallEvent);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        feed.PublishedLocally -= Send;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
