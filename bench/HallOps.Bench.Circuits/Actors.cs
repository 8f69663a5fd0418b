using System.Diagnostics;

namespace HallOps.Bench.Circuits;

/// <summary>What the interactive circuits share while a scenario runs.</summary>
public sealed class Interactions(TimeSpan think, CancellationToken stop, Action<string> log)
{
    private long _events;
    private long _failures;
    private long _retries;

    public Durations RoundTrips { get; } = new();

    /// <summary>Hall events caused (presence changes, acknowledgements).</summary>
    public long Events => Interlocked.Read(ref _events);

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Clicks sent again because a render crossed them and the handler id they used had gone.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public bool KeepGoing => !stop.IsCancellationRequested;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Clicks, waits until the page shows the result, records the round trip; counts a hall event if it makes one.</summary>
    public async Task ClickAsync(CircuitClient circuit, Selector target, Func<DomTree, bool> done, string what, bool hallEvent)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await circuit.ClickAsync(target);
                    break;
                }
                catch (ClickRejectedException) when (attempt < 3)
                {
                    Interlocked.Increment(ref _retries);
                }
            }
            await circuit.WaitUntilAsync(done, Timeout, what);
            RoundTrips.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            if (hallEvent)
            {
                Interlocked.Increment(ref _events);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or ClickRejectedException)
        {
            if (Interlocked.Increment(ref _failures) <= 5)
            {
                log($"interaction failed ({what}): {ex.Message}");
            }
            throw;
        }
    }

    /// <summary>A think time of 0.5–1.5 × the mean.</summary>
    public Task ThinkAsync() => think <= TimeSpan.Zero
        ? Task.CompletedTask
        : Task.Delay(think * (0.5 + Random.Shared.NextDouble()));
}

/// <summary>
/// A member of staff on /my, A of one window: signs on there, goes away without a handover (which
/// raises a gap alert), acknowledges the open alerts listed, comes back, signs off — and again.
/// </summary>
public sealed class StaffActor(CircuitClient circuit, int window, Interactions shared)
{
    private static readonly Selector GoAway = Selector.Parse("#my-go-away");
    private static readonly Selector ConfirmAway = Selector.Parse("#my-confirm-away");
    private static readonly Selector ComeBack = Selector.Parse("#my-come-back");
    private static readonly Selector SignOff = Selector.Parse("#my-sign-off");
    private static readonly Selector Acknowledge = Selector.Parse("button[data-ack]");
    private readonly Selector _signOn = Selector.Parse($"button[data-sign-on=\"{window}\"]");

    public async Task RunAsync()
    {
        try
        {
            while (shared.KeepGoing && circuit.IsLive)
            {
                await NextAsync();
                await shared.ThinkAsync();
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or ClickRejectedException)
        {
            // Counted as a failure; this person stops.
        }
    }

    private async Task NextAsync()
    {
        if (Has(ConfirmAway))
        {
            await shared.ClickAsync(circuit, ConfirmAway, dom => dom.Find(ComeBack) is not null, "away", hallEvent: true);
        }
        else if (Has(Acknowledge))
        {
            var id = circuit.Read(dom => dom.Find(Acknowledge)!.Attribute("data-ack"));
            var button = Selector.Parse($"button[data-ack=\"{id}\"]");
            await shared.ClickAsync(circuit, button, dom => dom.Find(button) is null, "acknowledged", hallEvent: true);
        }
        else if (Has(ComeBack))
        {
            await shared.ClickAsync(circuit, ComeBack, dom => dom.Find(GoAway) is not null, "back on post", hallEvent: true);
        }
        else if (Has(GoAway))
        {
            // Every other round signs off instead of going away.
            if (Random.Shared.Next(2) == 0)
            {
                await shared.ClickAsync(circuit, SignOff, dom => dom.Find(_signOn) is not null, "signed off", hallEvent: true);
            }
            else
            {
                await shared.ClickAsync(circuit, GoAway, dom => dom.Find(ConfirmAway) is not null, "away form", hallEvent: false);
            }
        }
        else
        {
            await shared.ClickAsync(circuit, _signOn, dom => dom.Find(GoAway) is not null, "on post", hallEvent: true);
        }
    }

    private bool Has(Selector selector) => circuit.Read(dom => dom.Find(selector) is not null);
}

/// <summary>
/// A guard on /guard. Evening rounds exist only in the evening, so by day the guard does the one
/// interaction the page always has that changes nothing in the hall: opening and closing the
/// scan help.
/// </summary>
public sealed class GuardActor(CircuitClient circuit, Interactions shared)
{
    private static readonly Selector ScanHelp = Selector.Parse("button").WithText("扫码说明");
    private static readonly Selector Alert = Selector.Parse(".mud-alert");

    public async Task RunAsync()
    {
        try
        {
            while (shared.KeepGoing && circuit.IsLive)
            {
                var alerts = circuit.Read(dom => dom.FindAll(Alert).Count());
                await shared.ClickAsync(circuit, ScanHelp, dom => dom.FindAll(Alert).Count() != alerts, "scan help toggled", hallEvent: false);
                await shared.ThinkAsync();
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or ClickRejectedException)
        {
            // Counted as a failure; this guard stops.
        }
    }
}
