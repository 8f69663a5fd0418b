using HallOps.Domain.Hall;
using HallOps.Web.Alerts;

namespace HallOps.Web.Presence;

/// <summary>
/// Which hall events can change a person's staff page (/my), so that a clerk's page does not reload
/// for what happens at other windows: with 50 clerks signed in, one presence change would otherwise
/// cost 50 reloads of three queries each.
/// </summary>
public static class MyPageEvents
{
    /// <summary>
    /// How often a clerk's page reloads for other people's events while they stream in: two a second
    /// (the first three of a burst at once). The clerk's own clicks show their result at once, unpaced.
    /// </summary>
    public static HallOps.Web.Push.FramePacer Pacer(TimeProvider clock) => new(perSecond: 2, burst: 3, clock);

    /// <summary>
    /// What of the page an event it concerns can change, so that a reload reads only that: an alert
    /// changes the alert list, a presence change the presence of the people on my posts and today's
    /// handovers; a post or staff change (who holds what) anything.
    /// </summary>
    public static MyPageParts PartsOf(string subject) =>
        HallSubjects.TryParseAlert(subject, out _) ? MyPageParts.Alerts
        : HallSubjects.TryParsePresence(subject, out _) ? MyPageParts.Presence
        : MyPageParts.All;

    /// <summary>
    /// Post and staff changes; the presence of me, of the others on my posts and of those I handed over
    /// to or took over from today (AB3); alerts I see now, and new ones at my windows or about no window
    /// (a case, an inquiry, a machine — those are read to tell). Before the page knows who I am,
    /// everything concerns it.
    /// </summary>
    public static async Task<bool> ConcernsAsync(
        string subject, MyPresence? me, IReadOnlyList<Handover> handovers, IReadOnlyList<AlertView> alerts,
        bool seesEveryAlert, Func<long, Task<int?>> windowOfAlert)
    {
        if (subject.StartsWith(HallSubjects.PostPrefix, StringComparison.Ordinal) || subject.StartsWith(HallSubjects.StaffPrefix, StringComparison.Ordinal))
        {
            return true;
        }
        if (HallSubjects.TryParsePresence(subject, out var staffId))
        {
            return me is null || staffId == me.StaffId
                || me.Posts.Any(p => p.Others.Any(o => o.StaffId == staffId))
                || handovers.Any(h => h.FromStaffId == staffId || h.ToStaffId == staffId);
        }
        if (HallSubjects.TryParseAlert(subject, out var alertId))
        {
            if (me is null || seesEveryAlert || alerts.Any(a => a.Id == alertId))
            {
                return true;
            }
            return await windowOfAlert(alertId) is not { } windowId || me.Posts.Any(p => p.WindowId == windowId);
        }
        return false;
    }
}

/// <summary>
/// For each part of the staff page, the hall events delivered (<see cref="HallOps.Domain.Events.HallEventFeed.Delivered"/>)
/// when its last read began: that read shows them. Events are checked on the feed's queue, reads
/// marked on the circuit.
/// </summary>
public sealed class MyPageReads
{
    private static readonly MyPageParts[] Parts = [MyPageParts.Presence, MyPageParts.Alerts, MyPageParts.Posts];
    private readonly long[] _through = new long[Parts.Length];

    /// <summary>The parts of <paramref name="parts"/> whose last read began before event <paramref name="number"/> was delivered.</summary>
    public MyPageParts Unread(MyPageParts parts, long number)
    {
        var unread = MyPageParts.None;
        for (var i = 0; i < Parts.Length; i++)
        {
            if (parts.HasFlag(Parts[i]) && number > Volatile.Read(ref _through[i]))
            {
                unread |= Parts[i];
            }
        }
        return unread;
    }

    /// <summary>A read of <paramref name="parts"/> begins with <paramref name="delivered"/> events delivered.</summary>
    public void Began(MyPageParts parts, long delivered)
    {
        for (var i = 0; i < Parts.Length; i++)
        {
            if (parts.HasFlag(Parts[i]))
            {
                Volatile.Write(ref _through[i], delivered);
            }
        }
    }
}

/// <summary>The parts of the staff page a reload reads (<see cref="MyPageEvents.PartsOf"/>).</summary>
[Flags]
public enum MyPageParts
{
    None = 0,

    /// <summary>The presence of me and of the others on my posts, and today's handovers.</summary>
    Presence = 1,

    /// <summary>The alerts I see.</summary>
    Alerts = 2,

    /// <summary>Me, my posts and who holds them.</summary>
    Posts = 4,

    All = Presence | Alerts | Posts,
}
