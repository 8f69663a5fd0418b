using HallOps.Tests.Support;

namespace HallOps.Tests.Browser;

/// <summary>A browser test class: each test gets its own database file and, once it asks, a running app and browser.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected HallDatabaseFile Database { get; } = new();

    protected BrowserHost? Host { get; private set; }

    protected async Task<BrowserHost> StartAsync() => Host = await BrowserHost.StartAsync(Database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        Database.Dispose();
    }
}
