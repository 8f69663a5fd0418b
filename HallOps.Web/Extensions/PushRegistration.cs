using HallOps.Web.Push;

namespace HallOps.Web.Extensions;

public static class PushRegistration
{
    /// <summary>
    /// The hub for outside clients and, when ConnectionStrings:Redis is set, the Redis backplane
    /// for hub clients plus a relay of the event feed, so components on every instance see every event.
    /// </summary>
    public static WebApplicationBuilder AddHallPush(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("hallops-hub"));
            builder.Services.AddSingleton(new RedisRelayOptions(redis));
            builder.Services.AddHostedService<RedisEventRelay>();
        }
        builder.Services.AddHostedService<HubEventBridge>();
        return builder;
    }
}
