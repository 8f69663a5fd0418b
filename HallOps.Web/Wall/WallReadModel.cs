using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Web.Push;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Wall;

/// <summary>
/// The wall screen's shared read model, one per app instance: every open wall screen shows the same
/// snapshot, so the snapshot is read once per burst of hall events, not once per screen per event.
/// Events that arrive while a read runs are folded into one more read after it; each screen is then
/// handed the newest snapshot and re-renders only the cards that changed. A snapshot also says when
/// it goes out of date by the clock alone (the evening begins at closing, a round passes its due-by
/// time): one timer, set to that instant, reads again then — no polling. Frames are paced
/// (<see cref="FramePacer"/>, <c>Hall:Wall:FramesPerSecond</c>): a change after a quiet spell goes out
/// at once, a steady stream of changes in at most that many frames a second.
/// </summary>
public sealed class WallReadModel : IDisposable
{
    private static readonly string[] Subjects =
    [
        HallSubjects.WindowPrefix, HallSubjects.PostPrefix, HallSubjects.PresencePrefix, HallSubjects.AlertPrefix,
        HallSubjects.StaffPrefix, HallSubjects.HomeUnitPrefix, HallSubjects.FloorPrefix, HallSubjects.JobsPrefix,
        HallSubjects.LeavePrefix, HallSubjects.CasePrefix, HallSubjects.MatterPrefix,
        // Rounds (SE2.2, SE4, HY2), their exceptions, the guards' shifts and hazard reports (SE7).
        HallSubjects.RoundPrefix, HallSubjects.RoundExceptionPrefix, HallSubjects.GuardShiftPrefix, HallSubjects.HazardPrefix,
        // IT2: the count of open virus incidents.
        HallSubjects.VirusIncidentPrefix, HallSubjects.AppointmentPrefix,
    ];

    private readonly WallService _wall;
    private readonly ILogger _logger;
    private readonly IDisposable _feedSubscription;
    private readonly Channel<bool> _reloads = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<Viewer, byte> _viewers = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private readonly ITimer _clockTimer;
    private readonly FramePacer _pacer;
    private readonly WallMarkup _markup;

    /// <summary>Counts the wall-relevant events seen; a snapshot is current when it was read after the last one.</summary>
    private long _changes;

    /// <summary>The same events counted by the parts of the wall they change: an unchanged part is not read again.</summary>
    private readonly WallChangeCounts _partChanges = new();

    /// <summary>The newest wall-relevant event's time (Unix µs): each frame carries it as its stamp.</summary>
    private long _lastEventMicroseconds;
    private WallFrame? _current;

    public WallReadModel(
        WallService wall, HallEventFeed feed, TimeProvider time, IOptions<HallOptions> hall, IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        _markup = new WallMarkup(scopes, loggers);
        // Real elapsed time, not the hall's clock (which tests and demos may set).
        _pacer = hall.Value.Wall.Pacer(TimeProvider.System);
        _wall = wall;
        _logger = loggers.CreateLogger<WallReadModel>();
        _time = time;
        _clockTimer = time.CreateTimer(static state => ((WallReadModel)state!).OnClockChange(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _feedSubscription = feed.SubscribeBatches(OnHallEvents);
        _ = Task.Run(ReloadLoopAsync);
    }

    /// <summary>Number of reads of the database this model has made (for diagnostics and tests).</summary>
    public long Reads { get; private set; }

    /// <summary>Time spent in those reads, in milliseconds (for diagnostics: the shared cost of an update).</summary>
    public double ReadMilliseconds { get; private set; }

    /// <summary>Whether a hall event with this subject can change what a wall screen shows.</summary>
    public static bool Concerns(string subject) =>
        subject == HallSubjects.Calendar || Subjects.Any(prefix => subject.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The current snapshot: the shared one when nothing changed since it was read, else a fresh read.</summary>
    public async Task<WallFrame> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Version == Interlocked.Read(ref _changes))
        {
            return current;
        }
        return await ReadAsync(cancellationToken);
    }

    /// <summary>
    /// The frame's window cards as HTML in <paramref name="culture"/>, rendered once for every screen
    /// (<see cref="WallMarkup"/>). A frame handed to watchers has the HTML of their languages ready.
    /// </summary>
    public Task<WallHtml> HtmlAsync(WallFrame frame, CultureInfo culture) =>
        frame.Html.GetOrAdd(culture.Name, static (_, state) => state.Markup.RenderAsync(state.Snapshot, state.Culture), (Markup: _markup, frame.Snapshot, Culture: culture));

    /// <summary>
    /// Hands every new snapshot to <paramref name="onChanged"/> (on a pool thread, never the
    /// publisher's), with its HTML in <paramref name="culture"/> rendered first. Dispose the handle to stop.
    /// </summary>
    public IDisposable Watch(Action<WallFrame> onChanged, CultureInfo? culture = null)
    {
        var viewer = new Viewer(this, onChanged, culture);
        _viewers.TryAdd(viewer, 0);
        return viewer;
    }

    /// <summary>
    /// One commit's events (or several commits' that queued up) are counted first and then read once:
    /// a presence change and the alerts it raises reach the screens in one frame, not two.
    /// </summary>
    private Task OnHallEvents(IReadOnlyList<HallEvent> hallEvents)
    {
        var concerned = false;
        foreach (var hallEvent in hallEvents)
        {
            if (Concerns(hallEvent.Subject))
            {
                // Before the change count: a read that sees the new change count sees this one too.
                _partChanges.Count(hallEvent.Subject);
                HallOps.Web.Push.EventStamp.Advance(ref _lastEventMicroseconds, hallEvent.AtMicroseconds);
                Interlocked.Increment(ref _changes);
                concerned = true;
            }
        }
        if (concerned)
        {
            _reloads.Writer.TryWrite(true);
        }
        return Task.CompletedTask;
    }

    /// <summary>The instant the current snapshot named has come: as if something changed.</summary>
    private void OnClockChange()
    {
        Interlocked.Increment(ref _changes);
        _reloads.Writer.TryWrite(true);
    }

    /// <summary>Sets the one timer to the instant a snapshot goes out of date by the clock (never sooner than now).</summary>
    private void ArmClock(DateTimeOffset? at)
    {
        try
        {
            var due = at is { } instant ? instant - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
            _clockTimer.Change(due < TimeSpan.Zero && due != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    private async Task ReloadLoopAsync()
    {
        var stopping = _stopping.Token;
        WallFrame? shown = null;
        try
        {
            while (await _reloads.Reader.WaitToReadAsync(stopping))
            {
                _reloads.Reader.TryRead(out _);
                if (_viewers.IsEmpty)
                {
                    // Nobody watches: the next GetAsync reads afresh (the change counter moved on).
                    continue;
                }
                if (await _pacer.WaitForFrameAsync(stopping))
                {
                    // Changes made meanwhile fold into this frame.
                    _reloads.Reader.TryRead(out _);
                }
                try
                {
                    var loaded = await ReadAsync(stopping);
                    if (ReferenceEquals(loaded, shown))
                    {
                        // The previous read already saw these events: nothing new to hand out.
                        continue;
                    }
                    shown = loaded;
                    foreach (var culture in _viewers.Keys.Select(viewer => viewer.Culture).OfType<CultureInfo>().DistinctBy(culture => culture.Name))
                    {
                        await HtmlAsync(loaded, culture);
                    }
                    await FanOutAsync(loaded);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "The wall screens' snapshot could not be read; the next change retries");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Hands a frame to every screen, a wave at a time (<see cref="WaveFanOut"/>).</summary>
    private Task FanOutAsync(WallFrame frame) =>
        WaveFanOut.RunAsync(_viewers.Keys.ToArray(), WaveFanOut.DefaultWave, viewer => viewer.Show(frame));

    /// <summary>Reads a snapshot and keeps it unless a newer one was stored meanwhile.</summary>
    private async Task<WallFrame> ReadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            // Read the counter before the data: an event committed after this point bumps it and
            // triggers another read, so a stored snapshot is never wrongly taken as current. The stamp
            // is read first: a frame never claims an event newer than its data.
            var stamp = Interlocked.Read(ref _lastEventMicroseconds);
            var change = Interlocked.Read(ref _changes);
            var versions = _partChanges.Read();
            var current = _current;
            if (current is not null && current.Version == change)
            {
                return current;
            }
            var started = Stopwatch.GetTimestamp();
            var loaded = new WallFrame(await _wall.LoadAsync(versions, cancellationToken), change, stamp);
            ReadMilliseconds += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Reads++;
            Volatile.Write(ref _current, loaded);
            ArmClock(loaded.Snapshot.NextChangeAt);
            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose()
    {
        _feedSubscription.Dispose();
        _clockTimer.Dispose();
        _reloads.Writer.TryComplete();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private sealed class Viewer(WallReadModel model, Action<WallFrame> onChanged, CultureInfo? culture) : IDisposable
    {
        public CultureInfo? Culture => culture;

        public void Show(WallFrame frame)
        {
            try
            {
                onChanged(frame);
            }
            catch (Exception ex)
            {
                model._logger.LogWarning(ex, "A wall screen failed to take a new snapshot");
            }
        }

        public void Dispose() => model._viewers.TryRemove(this, out _);
    }
}

/// <summary>
/// A wall snapshot and its version: a higher version was read after more changes. <paramref name="EventMicroseconds"/>
/// is the time of the newest hall event it shows (Unix µs, 0 before any), rendered for latency measurement.
/// </summary>
public sealed record WallFrame(WallSnapshot Snapshot, long Version, long EventMicroseconds)
{
    /// <summary>The frame's HTML by language, each rendered once (<see cref="WallReadModel.HtmlAsync"/>).</summary>
    internal ConcurrentDictionary<string, Task<WallHtml>> Html { get; } = new();
}
