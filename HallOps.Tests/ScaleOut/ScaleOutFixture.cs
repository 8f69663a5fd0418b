namespace HallOps.Tests.ScaleOut;

/// <summary>
/// One cluster per test class (a fresh PostgreSQL database, two instances, nginx), started by the
/// first test that asks — after its checks for PostgreSQL, Redis and nginx, so a machine without
/// them skips the test — and stopped when the class is done. A test that kills an instance leaves
/// it to <see cref="ScaleOutCluster.EnsureRunningAsync"/> to start it again for the next one.
/// </summary>
public abstract class ScaleOutFixture(string name, IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ScaleOutCluster? _cluster;
    private Exception? _failed;

    public async Task<ScaleOutCluster> ClusterAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_failed is not null)
            {
                throw new InvalidOperationException("The cluster of this class did not start.", _failed);
            }
            if (_cluster is null)
            {
                try
                {
                    _cluster = await ScaleOutCluster.StartAsync(name, settings);
                }
                catch (Exception e)
                {
                    _failed = e;
                    throw;
                }
            }
            else
            {
                await _cluster.EnsureRunningAsync();
            }
            return _cluster;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        _gate.Dispose();
    }
}
