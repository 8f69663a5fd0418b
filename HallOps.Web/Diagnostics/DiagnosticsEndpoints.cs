using System.Diagnostics;
using System.Runtime;
using HallOps.Domain.Events;
using HallOps.Web.Identity;
using HallOps.Web.Wall;

namespace HallOps.Web.Diagnostics;

/// <summary>
/// GET /diagnostics/server (Admin policy): what one app instance holds and has spent — open circuits,
/// process CPU time, managed heap, working set, garbage collections (count per generation, pause time, bytes allocated), hall-event subscribers, wall reads and the time they took — for capacity
/// planning and the circuit load benchmark. <c>?gc=full</c> first forces a full compacting collection
/// (large objects included), so the heap figure is what the circuits retain.
/// </summary>
public static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDiagnosticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/diagnostics/server", Read)
            .RequireAuthorization(HallPolicies.Administer)
            .WithName("ServerDiagnostics");
        return app;
    }

    private static ServerFigures Read(string? gc, CircuitCounter circuits, HallEventFeed feed, WallReadModel wall, TimeProvider time)
    {
        if (string.Equals(gc, "full", StringComparison.OrdinalIgnoreCase))
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        using var process = Process.GetCurrentProcess();
        return new ServerFigures(
            time.GetUtcNow(),
            circuits.Open,
            circuits.Opened,
            process.TotalProcessorTime.TotalMilliseconds,
            GC.GetTotalMemory(forceFullCollection: false),
            process.WorkingSet64,
            GC.CollectionCount(2),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: false),
            Environment.ProcessorCount,
            ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount,
            feed.SubscriberCount,
            wall.Reads,
            wall.ReadMilliseconds);
    }
}

/// <summary>One reading of the server's figures (JSON field names are the bench client's contract).</summary>
public sealed record ServerFigures(
    DateTimeOffset At,
    long Circuits,
    long CircuitsOpened,
    double CpuMilliseconds,
    long HeapBytes,
    long WorkingSetBytes,
    int Gen2Collections,
    int Gen0Collections,
    int Gen1Collections,
    double GcPauseMilliseconds,
    long AllocatedBytes,
    int ProcessorCount,
    int ThreadPoolThreads,
    long ThreadPoolQueue,
    int FeedSubscribers,
    long WallReads,
    double WallReadMilliseconds);
