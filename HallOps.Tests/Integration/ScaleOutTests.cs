using System.Collections.Concurrent;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration;

/// <summary>Two app instances on one database, joined by Redis: a change on one reaches the screens and hub clients of the other.</summary>
[Collection(WebCollection.Name)]
public sealed class ScaleOutTests : IDisposable
{
    private readonly HallDatabaseFile _database = new();

    [SkippableFact]
    public async Task ChangeMadeThroughOneInstance_ReachesSubscribersAndHubClientsOfTheOther()
    {
        TestEnvironment.Need(TestEnvironment.Redis is not null, "Redis (HALLOPS_TEST_REDIS)");
        await using var first = new HallAppFactory(_database, TestEnvironment.Redis);
        _ = first.Server;
        await using var second = new HallAppFactory(_database, TestEnvironment.Redis);
        _ = second.Server;

        var secondFeed = second.Services.GetRequiredService<HallEventFeed>();
        Assert.NotEqual(first.Services.GetRequiredService<HallEventFeed>().InstanceId, secondFeed.InstanceId);
        var onSecond = new ConcurrentQueue<HallEvent>();
        using var subscription = secondFeed.Subscribe(e =>
        {
            onSecond.Enqueue(e);
            return Task.CompletedTask;
        });
        var hubEvents = new ConcurrentQueue<HallEvent>();
        // The hub client signs in to the second instance; the cookie was issued by the first (shared key ring).
        var cookie = await DemoAccounts.CookieAsync(first, "wall");
        await using var signedHub = new HubConnectionBuilder()
            .WithUrl(new Uri(second.Server.BaseAddress, "/hubs/hall"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => second.Server.CreateHandler();
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        signedHub.On<HallEvent>("HallEvent", e => hubEvents.Enqueue(e));
        await signedHub.StartAsync();

        int windowId;
        await using (var db = first.CreateDbContext())
        {
            var window = await db.Windows.SingleAsync(w => w.Number == 10);
            window.Name = "婚姻登记（预约）";
            await db.SaveChangesAsync();
            windowId = window.Id;
        }

        var subject = HallSubjects.Window(windowId);
        await Eventually.TrueAsync(() => Task.FromResult(onSecond.Any(e => e.Subject == subject)), TimeSpan.FromSeconds(5),
            "the second instance's feed receives the first instance's change");
        await Eventually.TrueAsync(() => Task.FromResult(hubEvents.Any(e => e.Subject == subject)), TimeSpan.FromSeconds(10),
            "a hub client of the second instance receives it");
        Assert.Single(onSecond, e => e.Subject == subject);
        Assert.Equal(first.Services.GetRequiredService<HallEventFeed>().InstanceId, onSecond.Single(e => e.Subject == subject).Origin);
    }

    public void Dispose() => _database.Dispose();
}
