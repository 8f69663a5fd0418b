using System.Diagnostics;
using System.Globalization;

namespace HallOps.Bench.Circuits;

/// <summary>
/// The load: N passive wall screens, M staff and K guards interacting with think time, measured
/// as the issue asks. <see cref="RunAsync"/> runs the standard scenario (open everything, then make
/// the events), <see cref="RampAsync"/> adds walls in steps while people interact, to find P1.
/// </summary>
public sealed class Scenario(ScenarioOptions options, Action<string> log) : IAsyncDisposable
{
    /// <summary>P1's bar: the interactions' p95 round trip.</summary>
    private const double InteractionP95TargetMs = 200;

    private static readonly Selector MyPageLoaded = Selector.Parse("#my-state");
    private static readonly Selector GuardPageLoaded = Selector.Parse("#guard-home");

    private readonly List<CircuitClient> _walls = [];
    private readonly List<CircuitClient> _people = [];
    private readonly List<HallSession> _sessions = [];
    private int _failedWalls;
    private int _failedStaff;
    private int _failedGuards;
    private int _loggedFailures;

    public async Task<Report> RunAsync()
    {
        var admin = await SignInAsync("admin");
        var probe = new ServerProbe(admin, options.ServerPid);
        var latencies = new EventLatencies(options.Walls);
        var wall = await SignInAsync("wall");
        var compression = await wall.WebSocketExtensionsAsync();

        var empty = await probe.ReadAsync(fullGc: true);
        var clientEmpty = GC.GetTotalMemory(forceFullCollection: true);
        var ramp = Stopwatch.StartNew();
        _failedWalls += await OpenWallsAsync(wall, options.Walls, latencies);
        var wallRamp = ramp.Elapsed;
        var clientWalls = GC.GetTotalMemory(forceFullCollection: true);
        var withWalls = await probe.ReadAsync(fullGc: true);

        using var stop = new CancellationTokenSource();
        var shared = new Interactions(options.Think, stop.Token, log);
        var staff = await OpenStaffAsync(shared);
        var withStaff = await probe.ReadAsync(fullGc: true);
        var guards = await OpenGuardsAsync(shared);
        var withGuards = await probe.ReadAsync(fullGc: true);
        ramp.Stop();
        log($"{_walls.Count + _people.Count} circuits open in {ramp.Elapsed.TotalSeconds:0.0} s; making {options.WarmUp} warm-up and {options.Events} measured hall events");

        var actors = staff.Select(a => a.RunAsync()).Concat(guards.Select(g => g.RunAsync())).ToList();
        // The first events run the server's code cold (tier-0 JIT): they warm up and are not counted.
        var warmUp = Stopwatch.StartNew();
        while (shared.Events < options.WarmUp && warmUp.Elapsed < options.MaxEventsPhase && actors.Any(a => !a.IsCompleted))
        {
            await Task.Delay(100);
        }
        latencies.Clear();
        shared.RoundTrips.Clear();
        var warmUpEvents = shared.Events;

        var start = await probe.ReadAsync(fullGc: false);
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wallBatches = _walls.Sum(c => c.Batches);
        var wallBytes = _walls.Sum(c => c.BatchBytes);
        var phase = Stopwatch.StartNew();
        while (shared.Events - warmUpEvents < options.Events && phase.Elapsed < options.MaxEventsPhase && actors.Any(a => !a.IsCompleted))
        {
            await Task.Delay(100);
        }
        stop.Cancel();
        await Task.WhenAll(actors);
        var events = shared.Events - warmUpEvents;
        var eventsElapsed = phase.Elapsed;
        // Give the last pushes time to reach every screen before reading the figures.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var end = await probe.ReadAsync(fullGc: false);
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        wallBatches = _walls.Sum(c => c.Batches) - wallBatches;
        wallBytes = _walls.Sum(c => c.BatchBytes) - wallBytes;
        // The server's cost of holding the circuits with no hall event (clocks, periodic refreshes,
        // work still queued), a few seconds after the phase: shown beside the phase's figures.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var quiet = TimeSpan.FromSeconds(5);
        var quietStart = await probe.ReadAsync(fullGc: false);
        var quietBatches = _walls.Sum(c => c.Batches);
        await Task.Delay(quiet);
        var quietEnd = await probe.ReadAsync(fullGc: false);
        quietBatches = _walls.Sum(c => c.Batches) - quietBatches;
        var idleCpuPerSecond = quietStart is not null && quietEnd is not null
            ? (quietEnd.CpuMilliseconds - quietStart.CpuMilliseconds) / quiet.TotalSeconds
            : 0;

        var report = new Report(
            $"HallOps circuits: {options.Walls} walls, {options.Staff} staff, {options.Guards} guards, think {options.Think.TotalMilliseconds:0} ms",
            "Figure", "Value");
        var liveWalls = _walls.Count(c => c.IsLive);
        report.Add("Circuits live / failed",
            $"walls {liveWalls}/{options.Walls - liveWalls}, staff {staff.Count - _people.Take(staff.Count).Count(c => !c.IsLive)}/{_failedStaff + _people.Take(staff.Count).Count(c => !c.IsLive)}, "
            + $"guards {guards.Count - _people.Skip(staff.Count).Count(c => !c.IsLive)}/{_failedGuards + _people.Skip(staff.Count).Count(c => !c.IsLive)}");
        report.Add("WebSocket compression: circuits offer it / the server accepts",
            $"{(options.OfferDeflate ? "yes" : "no")} / {(compression.Length == 0 ? "no" : compression)}");
        report.Add("Ramp (all circuits open)", $"{ramp.Elapsed.TotalSeconds:0.0} s; walls {Rate(options.Walls - _failedWalls, wallRamp)} circuits/s");
        report.Add("Event → wall screen, p50 / p95 / p99", $"{Report.Percentiles(latencies.PerScreen, 50, 95, 99)} (n = {latencies.PerScreen.Count})");
        var (first, slowest, stamped, seenByAll) = latencies.EveryScreen(liveWalls);
        report.Add("Event → first wall screen, p50 / p99", Report.Percentiles(first, 50, 99));
        report.Add("Event → every wall screen (slowest), p50 / p99", $"{Report.Percentiles(slowest, 50, 99)} ({seenByAll} of {stamped} stamped events seen by all)");
        report.Add("Interaction round trip, p50 / p95 / p99", $"{Report.Percentiles(shared.RoundTrips, 50, 95, 99)} (n = {shared.RoundTrips.Count}, failed {shared.Failures}, stale clicks retried {shared.Retries})");
        report.Add("Hall events made", $"{events} in {eventsElapsed.TotalSeconds:0.0} s = {Rate(events, eventsElapsed)}/s");
        report.Add("Render batches per wall per event, bytes per batch", events == 0 || _walls.Count == 0 || wallBatches == 0
            ? "–"
            : $"{wallBatches / (double)_walls.Count / events:0.00}, {wallBytes / (double)wallBatches:0}");
        if (start is not null && end is not null)
        {
            var seconds = (eventsElapsed + TimeSpan.FromSeconds(2)).TotalSeconds;
            var cpu = end.CpuMilliseconds - start.CpuMilliseconds;
            report.Add("Server CPU per core (events phase)", $"{cpu / seconds / 10 / end.ProcessorCount:0.0} % of {end.ProcessorCount} core(s)");
            report.Add("Server CPU after the phase (no events)",
                $"{idleCpuPerSecond / 10 / end.ProcessorCount:0.0} % per core; {quietBatches / quiet.TotalSeconds / Math.Max(1, _walls.Count):0.00} batches/s per wall");
            var circuits = _walls.Count + _people.Count;
            report.Add("Server CPU per event (all its work)", events == 0 ? "–" : $"{cpu / events:0.0} ms");
            report.Add("Server CPU per circuit per event", events == 0 || circuits == 0 ? "–" : $"{cpu / events / circuits:0.000} ms");
            report.Add("Client CPU (events phase)", $"{clientCpu.TotalMilliseconds / seconds / 10:0.0} % of one core");
            if (start.Gc is { } before && end.Gc is { } after)
            {
                report.Add("Server GC (events phase): gen0 / gen1 / gen2, paused, allocated per event",
                    $"{after.Gen0 - before.Gen0} / {after.Gen1 - before.Gen1} / {after.Gen2 - before.Gen2}, "
                    + $"{after.PauseMilliseconds - before.PauseMilliseconds:0} ms ({(after.PauseMilliseconds - before.PauseMilliseconds) / seconds / 10:0.0} %), "
                    + (events == 0 ? "–" : $"{(after.AllocatedBytes - before.AllocatedBytes) / 1024.0 / events:0} KB"));
            }
            if (start.WallReads is { } readsBefore && end.WallReads is { } readsAfter)
            {
                var reads = readsAfter.Reads - readsBefore.Reads;
                report.Add("Wall's shared reads (events phase): frames, mean read",
                    reads == 0 ? "0" : $"{reads}, {(readsAfter.Milliseconds - readsBefore.Milliseconds) / reads:0.0} ms");
            }
            if (start.Threads is { } threadsBefore && end.Threads is { } threadsAfter)
            {
                report.Add("Server threads (events phase): thread-pool threads at its end, context switches per event",
                    $"{threadsAfter.ThreadPoolThreads}, "
                    + (events == 0 || threadsBefore.ContextSwitches is not { } switchesBefore || threadsAfter.ContextSwitches is not { } switchesAfter
                        ? "–"
                        : $"{(switchesAfter - switchesBefore) / (double)events:0}"));
            }
        }
        if (withGuards is not null)
        {
            report.Add("Server: open circuits, working set", $"{withGuards.Circuits}, {withGuards.WorkingSetBytes / (1024 * 1024):0} MB");
        }
        report.Add("Server heap per wall circuit", Report.Kb(PerCircuit(empty, withWalls, _walls.Count)));
        report.Add("Server heap per staff circuit", Report.Kb(PerCircuit(withWalls, withStaff, staff.Count)));
        report.Add("Server heap per guard circuit", Report.Kb(PerCircuit(withStaff, withGuards, guards.Count)));
        report.Add("Client memory per wall circuit", Report.Kb(_walls.Count == 0 ? null : (clientWalls - clientEmpty) / (double)_walls.Count));
        report.Add("Unknown JS calls answered with null", JsInteropAnswers.UnknownCalls.Count.ToString(CultureInfo.InvariantCulture) + " (listed in the log)");
        return report;
    }

    /// <summary>
    /// Opens the staff and guards, sets them interacting, then adds walls step by step; after each
    /// step measures the interactions for a while. Stops past the target or at the first step
    /// whose p95 misses 200 ms or loses circuits.
    /// </summary>
    public async Task<Report> RampAsync()
    {
        var admin = await SignInAsync("admin");
        var probe = new ServerProbe(admin, options.ServerPid);
        var latencies = new EventLatencies(options.Ramp);
        var wall = await SignInAsync("wall");
        using var stop = new CancellationTokenSource();
        var shared = new Interactions(options.Think, stop.Token, log);
        var actors = (await OpenStaffAsync(shared)).Select(a => a.RunAsync())
            .Concat((await OpenGuardsAsync(shared)).Select(g => g.RunAsync())).ToList();
        // Warm the server's code up before the first step is measured.
        var warmUp = Stopwatch.StartNew();
        while (shared.Events < options.WarmUp && warmUp.Elapsed < options.MaxEventsPhase && actors.Any(a => !a.IsCompleted))
        {
            await Task.Delay(100);
        }

        var report = new Report(
            $"HallOps circuits, ramp: +{options.Step} walls per step, {options.Staff} staff and {options.Guards} guards interacting (think {options.Think.TotalMilliseconds:0} ms), {options.StepDuration.TotalSeconds:0} s per step",
            "Circuits live", "Failed", "Open step (s)", "Interaction p50 / p95 / p99", "Event → wall p50 / p99", "Server CPU per core", "Server GC gen1 / gen2, paused", "Client CPU");
        var held = 0;
        while (_walls.Count + _failedWalls < options.Ramp)
        {
            var step = Math.Min(options.Step, options.Ramp - _walls.Count - _failedWalls);
            var opening = Stopwatch.StartNew();
            _failedWalls += await OpenWallsAsync(wall, step, latencies);
            opening.Stop();
            shared.RoundTrips.Clear();
            latencies.Clear();
            var before = await probe.ReadAsync(fullGc: false);
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(options.StepDuration);
            var after = await probe.ReadAsync(fullGc: false);
            clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
            var live = _walls.Count(c => c.IsLive) + _people.Count(c => c.IsLive);
            var failed = _failedWalls + _failedStaff + _failedGuards + _walls.Count(c => !c.IsLive) + _people.Count(c => !c.IsLive);
            var p95 = shared.RoundTrips.PercentileMs(95);
            var cpu = before is not null && after is not null
                ? $"{100 * (after.CpuMilliseconds - before.CpuMilliseconds) / options.StepDuration.TotalMilliseconds / after.ProcessorCount:0} %"
                : "–";
            // A stalled click is often a long collection: the step's gen1/gen2 count and the pause.
            var gc = before?.Gc is { } gcBefore && after?.Gc is { } gcAfter
                ? $"{gcAfter.Gen1 - gcBefore.Gen1} / {gcAfter.Gen2 - gcBefore.Gen2}, {gcAfter.PauseMilliseconds - gcBefore.PauseMilliseconds:0} ms"
                : "–";
            report.Add(live.ToString(CultureInfo.InvariantCulture), failed.ToString(CultureInfo.InvariantCulture),
                opening.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                Report.Percentiles(shared.RoundTrips, 50, 95, 99), Report.Percentiles(latencies.PerScreen, 50, 99), cpu, gc,
                $"{100 * clientCpu.TotalMilliseconds / options.StepDuration.TotalMilliseconds:0} %");
            log($"step: {live} live, {failed} failed, interaction p95 {Report.Ms(p95)} ms");
            if (failed > 0 || double.IsNaN(p95) || p95 > InteractionP95TargetMs)
            {
                break;
            }
            held = live;
        }
        stop.Cancel();
        await Task.WhenAll(actors);
        report.Add($"P1: {held} circuits held with interaction p95 ≤ {InteractionP95TargetMs:0} ms", "", "", "", "", "", "", "");
        return report;
    }

    public async ValueTask DisposeAsync()
    {
        log($"closing {_walls.Count + _people.Count} circuits");
        await Parallel.ForEachAsync(_walls.Concat(_people), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel },
            async (circuit, _) => await circuit.DisposeAsync());
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }

    private async Task<HallSession> SignInAsync(string userName)
    {
        var session = await HallSession.SignInAsync(options.BaseUri, userName, options.Password);
        session.OfferDeflate = options.OfferDeflate;
        _sessions.Add(session);
        return session;
    }

    /// <summary>Opens walls (scan-only) on the shared wall session, recording their stamps; returns how many failed.</summary>
    private async Task<int> OpenWallsAsync(HallSession wall, int count, EventLatencies latencies)
    {
        var failed = 0;
        var first = _walls.Count + _failedWalls;
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (index, _) =>
        {
            if (await TryOpenAsync(wall, "/wall", CircuitMode.ScanOnly) is { } circuit)
            {
                circuit.BatchArrived += (_, arrival) => latencies.Record(index, arrival);
                lock (_walls)
                {
                    _walls.Add(circuit);
                }
            }
            else
            {
                Interlocked.Increment(ref failed);
            }
        });
        return failed;
    }

    private async Task<List<StaffActor>> OpenStaffAsync(Interactions shared)
    {
        var actors = new List<StaffActor>();
        for (var i = 0; i < options.Staff; i++)
        {
            var account = ScenarioOptions.StaffAccount(i);
            try
            {
                var session = await SignInAsync(account);
                if (await TryOpenAsync(session, "/my", CircuitMode.Dom, MyPageLoaded) is { } circuit)
                {
                    _people.Add(circuit);
                    actors.Add(new StaffActor(circuit, i + 1, shared));
                    continue;
                }
            }
            catch (InvalidOperationException ex)
            {
                LogFailure($"{account}: {ex.Message}");
            }
            _failedStaff++;
        }
        return actors;
    }

    private async Task<List<GuardActor>> OpenGuardsAsync(Interactions shared)
    {
        var actors = new List<GuardActor>();
        if (options.Guards == 0)
        {
            return actors;
        }
        var session = await SignInAsync("guard");
        for (var i = 0; i < options.Guards; i++)
        {
            if (await TryOpenAsync(session, "/guard", CircuitMode.Dom, GuardPageLoaded) is { } circuit)
            {
                _people.Add(circuit);
                actors.Add(new GuardActor(circuit, shared));
            }
            else
            {
                _failedGuards++;
            }
        }
        return actors;
    }

    /// <summary>Opens a circuit and, for an interactive page, waits until the page has loaded what it shows.</summary>
    private async Task<CircuitClient?> TryOpenAsync(HallSession session, string path, CircuitMode mode, Selector? loaded = null)
    {
        CircuitClient? circuit = null;
        try
        {
            circuit = await CircuitClient.OpenAsync(session, path, mode, log);
            if (loaded is not null)
            {
                await circuit.WaitForAsync(loaded, TimeSpan.FromSeconds(30));
            }
            return circuit;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailure($"{path} as {session.UserName}: {ex.GetType().Name}: {ex.Message}");
            if (circuit is not null)
            {
                await circuit.DisposeAsync();
            }
            return null;
        }
    }

    private void LogFailure(string message)
    {
        if (Interlocked.Increment(ref _loggedFailures) <= 5)
        {
            log($"failed to open {message}");
        }
    }

    private static double? PerCircuit(ServerSnapshot? before, ServerSnapshot? after, int circuits) =>
        circuits > 0 && before?.HeapBytes is { } from && after?.HeapBytes is { } to ? (to - from) / (double)circuits : null;

    private static string Rate(long count, TimeSpan elapsed) =>
        elapsed.TotalSeconds <= 0 ? "–" : (count / elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture);
}
