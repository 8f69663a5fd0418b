using System.Globalization;
using System.Text.Json;

namespace HallOps.Bench.Circuits;

/// <summary>The server's figures at one moment (GET /diagnostics/server).</summary>
public sealed record ServerSnapshot(long Circuits, double CpuMilliseconds, long? HeapBytes, long? WorkingSetBytes, int ProcessorCount)
{
    /// <summary>Garbage collections so far (gen 0, 1, 2), their total pause and the bytes allocated; null when not read from the endpoint.</summary>
    public GcFigures? Gc { get; init; }

    /// <summary>The wall's shared reads so far (one per frame) and their total time; null when not read from the endpoint.</summary>
    public WallReadFigures? WallReads { get; init; }

    /// <summary>The server's thread-pool threads and its threads' context switches; null when not read from the endpoint.</summary>
    public ThreadFigures? Threads { get; init; }
}

public sealed record GcFigures(int Gen0, int Gen1, int Gen2, double PauseMilliseconds, long AllocatedBytes);

public sealed record WallReadFigures(long Reads, double Milliseconds);

/// <summary>
/// Thread-pool threads at that moment, and the context switches (voluntary and involuntary) of the
/// process's live threads so far, from /proc when the server's id is known (a thread that has ended
/// takes its count with it).
/// </summary>
public sealed record ThreadFigures(int ThreadPoolThreads, long? ContextSwitches);

/// <summary>
/// Reads the server's CPU time, open circuits and managed heap from /diagnostics/server (as an
/// admin; <c>?gc=full</c> forces a full compacting GC first, so the heap is what is retained). When
/// the endpoint is not there, falls back to the CPU time of the server's process in /proc, if its id is known.
/// </summary>
public sealed class ServerProbe(HallSession admin, int? serverPid)
{
    private bool? _endpoint;

    public async Task<ServerSnapshot?> ReadAsync(bool fullGc)
    {
        if (_endpoint != false)
        {
            try
            {
                var json = await admin.GetStringAsync(fullGc ? "diagnostics/server?gc=full" : "diagnostics/server");
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                _endpoint = true;
                return new ServerSnapshot(
                    root.GetProperty("circuits").GetInt64(),
                    root.GetProperty("cpuMilliseconds").GetDouble(),
                    root.GetProperty("heapBytes").GetInt64(),
                    root.GetProperty("workingSetBytes").GetInt64(),
                    root.GetProperty("processorCount").GetInt32())
                {
                    Gc = new GcFigures(
                        root.GetProperty("gen0Collections").GetInt32(),
                        root.GetProperty("gen1Collections").GetInt32(),
                        root.GetProperty("gen2Collections").GetInt32(),
                        root.GetProperty("gcPauseMilliseconds").GetDouble(),
                        root.GetProperty("allocatedBytes").GetInt64()),
                    WallReads = new WallReadFigures(root.GetProperty("wallReads").GetInt64(), root.GetProperty("wallReadMilliseconds").GetDouble()),
                    Threads = new ThreadFigures(root.GetProperty("threadPoolThreads").GetInt32(), serverPid is { } id ? ContextSwitches(id) : null),
                };
            }
            catch (HttpRequestException) when (_endpoint is null)
            {
                _endpoint = false;
            }
        }
        return serverPid is { } pid ? FromProc(pid) : null;
    }

    /// <summary>utime + stime of /proc/pid/stat (clock ticks of 10 ms), and the process's allowed cores.</summary>
    private static ServerSnapshot? FromProc(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return null;
        }
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        return new ServerSnapshot(0, ticks * 10.0, null, null, status is null ? Environment.ProcessorCount : CountCpus(status.Split(':')[1].Trim()));
    }

    /// <summary>voluntary_ctxt_switches + nonvoluntary_ctxt_switches of every thread in /proc/pid/task, or null.</summary>
    private static long? ContextSwitches(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks))
        {
            return null;
        }
        long switches = 0;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        switches += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }
        return switches;
    }

    private static int CountCpus(string list) => list.Split(',').Sum(part => part.Split('-') is [var from, var to]
        ? int.Parse(to, CultureInfo.InvariantCulture) - int.Parse(from, CultureInfo.InvariantCulture) + 1
        : 1);
}
