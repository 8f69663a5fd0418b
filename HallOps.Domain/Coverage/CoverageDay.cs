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
        (int)Math.Round(Intervals.Where(i => i.State == state).Sum(i => i.Length.TotalMinutes), MidpointRounding.AwayFromZero);
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
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(calendar);

        var season = calendar.Hours.SeasonOn(date);
        var spanFrom = calendar.ToInstant(date, season.Morning.Start);
        var spanTo = calendar.ToInstant(date, season.Afternoon.End);
        var end = until is { } u ? Clamp(u, spanFrom, spanTo) : spanTo;
        var working = calendar.IsWorkingDay(date);

        var postList = posts.ToList();
        var changes = history
            .OrderBy(c => c.At)
            .GroupBy(c => c.StaffMemberId)
            .ToDictionary(g => g.Key, g => g.ToList());

        // The instants where something can change: the sessions' edges, and (below) every change inside the span.
        var cuts = new SortedSet<DateTimeOffset> { spanFrom, end };
        if (working)
        {
            foreach (var edge in new[] { season.Morning.End, season.Afternoon.Start })
            {
                cuts.Add(Clamp(calendar.ToInstant(date, edge), spanFrom, end));
            }
        }

        // A window's state depends only on its holders' states and on whether the hall is open: at a
        // cut where neither moved for a window, its interval simply goes on. So each cut evaluates only
        // the windows of the people who changed at that instant (all of them where opening changes).
        var windowsOf = new Dictionary<int, HashSet<int>>();
        foreach (var post in postList)
        {
            foreach (var holder in post.Holders)
            {
                if (!windowsOf.TryGetValue(holder.StaffMemberId, out var ids))
                {
                    windowsOf[holder.StaffMemberId] = ids = [];
                }
                ids.Add(post.WindowId);
            }
        }
        var changedAt = new Dictionary<DateTimeOffset, HashSet<int>>();
        foreach (var change in changes.Values.SelectMany(c => c).Where(c => c.At > spanFrom && c.At < end))
        {
            cuts.Add(change.At);
            if (!windowsOf.TryGetValue(change.StaffMemberId, out var ids))
            {
                continue;
            }
            if (!changedAt.TryGetValue(change.At, out var affected))
            {
                changedAt[change.At] = affected = [];
            }
            affected.UnionWith(ids);
        }

        var byWindow = postList.GroupBy(p => p.WindowId).ToDictionary(g => g.Key, g => g.ToList());
        var intervals = byWindow.Keys.ToDictionary(id => id, _ => new List<CoverageInterval>());
        // Each window's stretch still running: it is written out only when the window's state changes
        // (or the counting ends), so a cut that leaves a window alone costs it nothing — the wall
        // replays the day on every presence change, a cut per change, for every window of the hall.
        var running = new Dictionary<int, (DateTimeOffset From, CoverageState State, int? Who)>();
        var points = cuts.ToList();
        bool? wasOpen = null;
        var coverage = new List<PostCoverage>();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var from = points[i];
            var open = working && calendar.IsOpenAt(from);
            var everyWindow = wasOpen != open;
            var affected = everyWindow ? null : changedAt.GetValueOrDefault(from);
            wasOpen = open;
            if (!everyWindow && affected is null)
            {
                continue;
            }
            foreach (var (windowId, windowPosts) in byWindow)
            {
                if (!everyWindow && !affected!.Contains(windowId))
                {
                    continue;
                }
                coverage.Clear();
                foreach (var post in windowPosts)
                {
                    coverage.Add(CoverageRules.Evaluate(AtInstant(post, changes, from), open));
                }
                var state = CoverageRules.WindowState(coverage);
                int? who = null;
                if (state is CoverageState.ByA or CoverageState.ByB)
                {
                    // The first post in that state names who covers the window.
                    foreach (var post in coverage)
                    {
                        if (post.State == state)
                        {
                            who = post.CoveringStaffId;
                            break;
                        }
                    }
                }
                if (running.TryGetValue(windowId, out var current))
                {
                    if (current.State == state && current.Who == who)
                    {
                        continue;
                    }
                    intervals[windowId].Add(new CoverageInterval(current.From, from, current.State, current.Who));
                }
                running[windowId] = (from, state, who);
            }
        }
        foreach (var (windowId, current) in running)
        {
            intervals[windowId].Add(new CoverageInterval(current.From, points[^1], current.State, current.Who));
        }

        var windows = byWindow.Keys.Order().Select(id => new WindowCoverageDay(id, intervals[id])).ToList();
        return new CoverageDayResult(date, working, spanFrom, spanTo, end, windows);
    }

    /// <summary>A post's holders with the state each had at an instant.</summary>
    private static PostHolders AtInstant(HeldPost post, IReadOnlyDictionary<int, List<PresenceChange>> changes, DateTimeOffset at)
    {
        var holders = new HolderPresence[post.Holders.Count];
        for (var i = 0; i < holders.Length; i++)
        {
            var h = post.Holders[i];
            var last = changes.TryGetValue(h.StaffMemberId, out var list) ? LastAtOrBefore(list, at) : null;
            holders[i] = new HolderPresence(h.StaffMemberId, h.Role, last?.State ?? PresenceState.SignedOff, last?.HandoverToStaffId);
        }
        return new(post.PostId, post.WindowId, holders);
    }

    /// <summary>The last of a person's changes (in time order) at or before <paramref name="at"/>, by binary search.</summary>
    private static PresenceChange? LastAtOrBefore(List<PresenceChange> changes, DateTimeOffset at)
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
        return low == 0 ? null : changes[low - 1];
    }

    private static DateTimeOffset Clamp(DateTimeOffset value, DateTimeOffset min, DateTimeOffset max) =>
        value < min ? min : value > max ? max : value;
}
