using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HallOps.Web.Diagnostics;

/// <summary>How many Blazor circuits this app instance holds now, and how many it has opened (a singleton).</summary>
public sealed class CircuitCounter
{
    private long _open;
    private long _opened;

    public long Open => Interlocked.Read(ref _open);

    public long Opened => Interlocked.Read(ref _opened);

    internal void Add()
    {
        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _opened);
    }

    internal void Remove() => Interlocked.Decrement(ref _open);
}

/// <summary>Counts each circuit once from opened to closed (one handler per circuit).</summary>
public sealed class CircuitCountingHandler(CircuitCounter counter) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Add();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        counter.Remove();
        return Task.CompletedTask;
    }
}
