using HallOps.Domain.Calendar;
using HallOps.Domain.Staffing;

namespace HallOps.Domain.Coverage;

/// <summary>One presence change of a person, as the day's timeline replays it.</summary>
public sealed record PresenceChange(int StaffMemberId, DateTimeOffset At, PresenceState State, int? HandoverToStaffId = null);

/// <summary>A holder of a post, without where they are (the timeline supplies that).</summary>
public sealed record HolderRole(int StaffMemberId, PostRole Role);

/// <summary>A post of a window and who holds it, as A or B.</summary>
public sealed record HeldPost(int PostId, int WindowId, IReadOnlyList<HolderRole> Holders);

/// <summary>
/// A stretch of a window's day in one state: covered by A, covered by a B (<see cref="CoveringStaffId"/>
/// names who), a gap, or closed (outside opening hours, the lunch break, a day off).
/// </summary>
public sealed record CoverageInterval(DateTimeOffset From, DateTimeOffset To, CoverageState State, int? CoveringStaffId)
{
    public TimeSpan Length => To - From;
}

/// <summary>A window's day: its intervals in time order and the minutes by A, by B and of gap.</summary>
public sealed record WindowCoverageDay(int WindowId, IReadOnlyList<CoverageInterval> Intervals)
{
    public int AMinutes => Minutes(CoverageState.ByA);

    public int BMinutes => Minutes(CoverageState.ByB);

    public int GapMinutes => Minutes(CoverageState.Gap);

    /// <summary>Open minutes counted so far (A + B + gap).</summary>
    public int OpenMinutes => AMinutes + BMinutes + GapMinutes;

    private int Minutes(CoverageState state) =>
        CoverageDay.RoundMinutes(TimeSpan.FromTicks(Intervals.Where(i => i.State == state).Sum(i => i.Length.Ticks)));
}

/// <summary>
/// The coverage of every window over one hall-local date: the span drawn (the season's morning start
/// to its afternoon end), how far it is counted (now, for today), and each window's intervals.
/// </summary>
public sealed record CoverageDayResult(
    DateOnly Date,
    bool IsWorkingDay,
    DateTimeOffset SpanFrom,
    DateTimeOffset SpanTo,
    DateTimeOffset CountedUntil,
    IReadOnlyList<WindowCoverageDay> Windows);

/// <summary>
/// 今日在岗情况 (AB4, SC2.2): replays a day's presence changes against the posts and the calendar and
/// says, for every window, who covered it when. The state at each instant is the coverage rule's
/// (<see cref="CoverageRules.Evaluate(PostHolders, bool)"/>, <see cref="CoverageRules.WindowState"/>),
/// the same the wall shows live; this only decides which instants to ask about.
/// </summary>
public static class CoverageDay
{
    /// <summary>
    /// Computes the day. <paramref name="history"/> holds each person's changes: the last one at or
    /// before an instant is their state then (a person with none is signed off), so it must include
    /// each person's state at the start of the day (their last change before it). A person on post
    /// covers every post they hold. <paramref name="until"/> (now, for today) ends the counting: the
    /// rest of the day has no intervals yet.
    /// </summary>
    public static CoverageDayResult Compute(
        DateOnly date,
        IEnumerable<HeldPost> posts,
        IEnumerable<PresenceChange> history,
        WorkingCalendar calendar,
        DateTimeOffset? until = null)
    {
        var replay = new CoverageDayReplay(date, posts, calendar);
        replay.Add(history);
        return replay.CountUntil(until);
    }

    /// <summary>Whole minutes of a length, half a minute up: how every AB4 figure is rounded.</summary>
    public static int RoundMinutes(TimeSpan length) => (int)Math.Round(length.TotalMinutes, MidpointRounding.AwayFromZero);
}

/// <summary>
/// One day's coverage replay (<see cref="CoverageDay"/>) that goes on as the day does: changes are
/// added as they happen and the day is counted up to any instant, each instant of the day evaluated
/// once — so the wall, which counts today's gap minutes on every read, pays for the changes since its
/// last read, not for the whole day again. A change at or before an instant already evaluated (one
/// that arrives late) makes the next count replay the day from its start, so the figures are always
/// those of <see cref="CoverageDay.Compute"/> over every change added so far. Not thread-safe.
/// </summary>
public sealed class CoverageDayReplay
{
    private readonly WorkingCalendar _calendar;
    private readonly bool _working;

    // The windows, in order, with their posts; and the windows each person holds a post of.
    private readonly (int WindowId, HeldPost[] Posts)[] _windows;
    private readonly Dictionary<int, int[]> _windowsOf = [];

    // Each person's changes in time order (equal instants in the order added: the last one counts).
    private readonly Dictionary<int, List<PresenceChange>> _changes = [];

    // The instants where something can change: the span's start, the sessions' edges, every change
    // inside the span; and the windows of the people who changed at each.
    private readonly SortedSet<DateTimeOffset> _cuts = [];
    private readonly Dictionary<DateTimeOffset, HashSet<int>> _changedAt = [];

    // How far the day has been evaluated: the last instant evaluated, whether the hall was open then,
    // each window's stretch still running and its stretches already ended.
    private DateTimeOffset? _evaluated;
    private bool? _wasOpen;
    private readonly (DateTimeOffset From, CoverageState State, int? Who)?[] _running;
    private readonly List<CoverageInterval>[] _ended;
    private readonly TimeSpan[] _endedGap;
    private readonly List<PostCoverage> _coverage = [];

    public CoverageDayReplay(DateOnly date, IEnumerable<HeldPost> posts, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
        Date = date;
        var season = calendar.Hours.SeasonOn(date);
        SpanFrom = calendar.ToInstant(date, season.Morning.Start);
        SpanTo = calendar.ToInstant(date, season.Afternoon.End);
        _working = calendar.IsWorkingDay(date);

        _windows = [.. posts.GroupBy(p => p.WindowId).OrderBy(g => g.Key).Select(g => (g.Key, g.ToArray()))];
        _windowsOf = _windows
            .SelectMany((w, index) => w.Posts.SelectMany(p => p.Holders).Select(h => (h.StaffMemberId, index)))
            .GroupBy(x => x.StaffMemberId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.index).Distinct().ToArray());
        _running = new (DateTimeOffset, CoverageState, int?)?[_windows.Length];
        _ended = [.. _windows.Select(_ => new List<CoverageInterval>())];
        _endedGap = new TimeSpan[_windows.Length];

        _cuts.Add(SpanFrom);
        if (_working)
        {
            foreach (var edge in new[] { season.Morning.End, season.Afternoon.Start })
            {
                var at = calendar.ToInstant(date, edge);
                if (at > SpanFrom && at < SpanTo)
                {
                    _cuts.Add(at);
                }
            }
        }
    }

    public DateOnly Date { get; }

    /// <summary>The span drawn: the season's morning start to its afternoon end.</summary>
    public DateTimeOffset SpanFrom { get; }

    public DateTimeOffset SpanTo { get; }

    /// <summary>
    /// Adds presence changes. As for <see cref="CoverageDay.Compute"/>, the first ones added must
    /// include each person's state at the start of the day (their last change before it).
    /// </summary>
    public void Add(IEnumerable<PresenceChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (!_changes.TryGetValue(change.StaffMemberId, out var list))
            {
                _changes[change.StaffMemberId] = list = [];
            }
            list.Insert(CountAtOrBefore(list, change.At), change);
            if (_evaluated is { } evaluated && change.At <= evaluated)
            {
                Restart();
            }
            if (change.At <= SpanFrom || change.At >= SpanTo)
            {
                continue;
            }
            _cuts.Add(change.At);
            if (_windowsOf.TryGetValue(change.StaffMemberId, out var windows))
            {
                if (!_changedAt.TryGetValue(change.At, out var affected))
                {
                    _changedAt[change.At] = affected = [];
                }
                affected.UnionWith(windows);
            }
        }
    }

    /// <summary>The day counted up to <paramref name="until"/> (null: the whole day), every window's intervals.</summary>
    public CoverageDayResult CountUntil(DateTimeOffset? until)
    {
        var end = EvaluateUntil(until);
        var windows = new WindowCoverageDay[_windows.Length];
        for (var w = 0; w < windows.Length; w++)
        {
            var intervals = new List<CoverageInterval>(_ended[w].Count + 1);
            intervals.AddRange(_ended[w]);
            if (_running[w] is { } running)
            {
                intervals.Add(new CoverageInterval(running.From, end, running.State, running.Who));
            }
            windows[w] = new WindowCoverageDay(_windows[w].WindowId, intervals);
        }
        return new CoverageDayResult(Date, _working, SpanFrom, SpanTo, end, windows);
    }

    /// <summary>
    /// The day's window-minutes of gap up to <paramref name="until"/>: the sum of every window's
    /// <see cref="WindowCoverageDay.GapMinutes"/> in <see cref="CountUntil"/>, without listing the intervals.
    /// </summary>
    public int GapMinutesUntil(DateTimeOffset until)
    {
        var end = EvaluateUntil(until);
        var minutes = 0;
        for (var w = 0; w < _windows.Length; w++)
        {
            var gap = _endedGap[w];
            if (_running[w] is { State: CoverageState.Gap } running)
            {
                gap += end - running.From;
            }
            minutes += CoverageDay.RoundMinutes(gap);
        }
        return minutes;
    }

    /// <summary>Evaluates every instant before the end of the counting (until, inside the span) not evaluated yet; returns that end.</summary>
    private DateTimeOffset EvaluateUntil(DateTimeOffset? until)
    {
        var end = until is { } u ? (u < SpanFrom ? SpanFrom : u > SpanTo ? SpanTo : u) : SpanTo;
        if (_evaluated is { } evaluated && evaluated >= end)
        {
            Restart(); // counted further before than now: the stretches running at the end differ
        }
        if (end <= SpanFrom)
        {
            return end;
        }
        var from = _evaluated ?? SpanFrom;
        foreach (var at in _cuts.GetViewBetween(from, end))
        {
            if (at == end || (_evaluated is { } done && at <= done))
            {
                continue;
            }
            Evaluate(at);
            _evaluated = at;
        }
        return end;
    }

    // A window's state depends only on its holders' states and on whether the hall is open: at an
    // instant where neither moved for a window, its stretch simply goes on. So each instant evaluates
    // only the windows of the people who changed then (all of them where opening changes), and a
    // stretch is written out only when its window's state changes.
    private void Evaluate(DateTimeOffset at)
    {
        var open = _working && _calendar.IsOpenAt(at);
        var everyWindow = _wasOpen != open;
        _wasOpen = open;
        var affected = everyWindow ? null : _changedAt.GetValueOrDefault(at);
        if (!everyWindow && affected is null)
        {
            return;
        }
        for (var w = 0; w < _windows.Length; w++)
        {
            if (!everyWindow && !affected!.Contains(w))
            {
                continue;
            }
            _coverage.Clear();
            foreach (var post in _windows[w].Posts)
            {
                _coverage.Add(CoverageRules.Evaluate(AtInstant(post, at), open));
            }
            var state = CoverageRules.WindowState(_coverage);
            int? who = null;
            if (state is CoverageState.ByA or CoverageState.ByB)
            {
                // The first post in that state names who covers the window.
                foreach (var post in _coverage)
                {
                    if (post.State == state)
                    {
                        who = post.CoveringStaffId;
                        break;
                    }
                }
            }
            if (_running[w] is { } current)
            {
                if (current.State == state && current.Who == who)
                {
                    continue;
                }
                _ended[w].Add(new CoverageInterval(current.From, at, current.State, current.Who));
                if (current.State == CoverageState.Gap)
                {
                    _endedGap[w] += at - current.From;
                }
            }
            _running[w] = (at, state, who);
        }
    }

    /// <summary>Forgets what was evaluated (not the changes): the next count replays the day from its start.</summary>
    private void Restart()
    {
        _evaluated = null;
        _wasOpen = null;
        Array.Clear(_running);
        Array.Clear(_endedGap);
        foreach (var ended in _ended)
        {
            ended.Clear();
        }
    }

    /// <summary>A post's holders with the state each had at an instant.</summary>
    private PostHolders AtInstant(HeldPost post, DateTimeOffset at)
    {
        var holders = new HolderPresence[post.Holders.Count];
        for (var i = 0; i < holders.Length; i++)
        {
            var h = post.Holders[i];
            PresenceChange? last = null;
            if (_changes.TryGetValue(h.StaffMemberId, out var list) && CountAtOrBefore(list, at) is > 0 and var count)
            {
                last = list[count - 1];
            }
            holders[i] = new HolderPresence(h.StaffMemberId, h.Role, last?.State ?? PresenceState.SignedOff, last?.HandoverToStaffId);
        }
        return new(post.PostId, post.WindowId, holders);
    }

    /// <summary>How many of a person's changes (in time order) are at or before <paramref name="at"/>, by binary search.</summary>
    private static int CountAtOrBefore(List<PresenceChange> changes, DateTimeOffset at)
    {
        var (low, high) = (0, changes.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (changes[middle].At <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
