namespace HallOps.Tests.Support;

/// <summary>One running demo hall shared by the tests of a class (xunit class fixture).</summary>
public sealed class SeededHall : IAsyncLifetime
{
    private readonly HallDatabaseFile _database = new();

    public HallAppFactory App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = new HallAppFactory(_database);
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }
}
