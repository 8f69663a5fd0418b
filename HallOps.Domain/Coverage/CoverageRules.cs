using HallOps.Domain.Calendar;
using HallOps.Domain.Staffing;

namespace HallOps.Domain.Coverage;

/// <summary>The state of a post at an instant (AB4, SC2.2).</summary>
public enum CoverageState
{
    /// <summary>Outside opening hours (lunch, evening, weekend, holiday): nobody is owed.</summary>
    Closed = 0,

    /// <summary>A on post.</summary>
    ByA = 1,

    /// <summary>A away, a B on post covering (顶岗).</summary>
    ByB = 2,

    /// <summary>空岗: open, and neither A nor any B on post.</summary>
    Gap = 3,
}

/// <summary>A holder of a post and where they are now.</summary>
public sealed record HolderPresence(int StaffMemberId, PostRole Role, PresenceState State, int? HandoverToStaffId = null);

/// <summary>A post and its holders, as the coverage rule sees it.</summary>
public sealed record PostHolders(int PostId, int WindowId, IReadOnlyList<HolderPresence> Holders)
{
    public HolderPresence? A => Holders.FirstOrDefault(h => h.Role == PostRole.A);
}

/// <summary>
/// The outcome for one post: its state, who covers it, whether B must take over on their own (AB3:
/// A left without a handover) and whether the post lacks a B altogether (AB1 configuration gap).
/// </summary>
public sealed record PostCoverage(int PostId, int WindowId, CoverageState State, int? CoveringStaffId, bool TakeOverNeeded, bool MissingBackup);

/// <summary>A post predicted to be uncovered on a working day: A and every B on planned leave.</summary>
public sealed record PredictedGap(DateOnly Date, int PostId, int WindowId);

/// <summary>The AB-post rules (AB1, AB3, AB4) as pure functions.</summary>
public static class CoverageRules
{
    /// <summary>Evaluates one post; <paramref name="open"/> is whether the hall is inside opening hours.</summary>
    public static PostCoverage Evaluate(PostHolders post, bool open)
    {
        // Plain loops over the holders, nothing allocated but the result: the wall replays every
        // presence change of the day through here (AB4's gap minutes) on each of its reads.
        var holders = post.Holders;
        var a = post.A;
        var handoverTo = a?.HandoverToStaffId;
        var backups = 0;
        var handedOver = false;
        HolderPresence? covering = null;
        for (var i = 0; i < holders.Count; i++)
        {
            var b = holders[i];
            if (b.Role != PostRole.B)
            {
                continue;
            }
            backups++;
            handedOver |= b.StaffMemberId == handoverTo;
            // The B that A handed over to covers when on post; otherwise the first B on post.
            if (b.State == PresenceState.OnPost && (covering is null || (b.StaffMemberId == handoverTo && covering.StaffMemberId != handoverTo)))
            {
                covering = b;
            }
        }
        var missingBackup = backups == 0;
        if (!open)
        {
            return new PostCoverage(post.PostId, post.WindowId, CoverageState.Closed, null, false, missingBackup);
        }
        if (a is { State: PresenceState.OnPost })
        {
            return new PostCoverage(post.PostId, post.WindowId, CoverageState.ByA, a.StaffMemberId, false, missingBackup);
        }

        // AB3: A away without handing over to a B of this post → B must take over on their own.
        var takeOver = a is { State: PresenceState.Away } && !handedOver && backups > 0;
        return covering is not null
            ? new PostCoverage(post.PostId, post.WindowId, CoverageState.ByB, covering.StaffMemberId, takeOver, missingBackup)
            : new PostCoverage(post.PostId, post.WindowId, CoverageState.Gap, null, takeOver, missingBackup);
    }

    /// <summary>A window shows its worst post: a gap anywhere is a gap at the window.</summary>
    public static CoverageState WindowState(IEnumerable<PostCoverage> posts)
    {
        var worst = CoverageState.Closed;
        foreach (var post in posts)
        {
            switch (post.State)
            {
                case CoverageState.Gap:
                    return CoverageState.Gap;
                case CoverageState.ByB:
                    worst = CoverageState.ByB;
                    break;
                case CoverageState.ByA when worst == CoverageState.Closed:
                    worst = CoverageState.ByA;
                    break;
            }
        }
        return worst;
    }

    /// <summary>Evaluates every post at an instant on the hall's calendar.</summary>
    public static IReadOnlyList<PostCoverage> Evaluate(IEnumerable<PostHolders> posts, DateTimeOffset now, WorkingCalendar calendar)
    {
        var open = calendar.IsOpenAt(now);
        return posts.Select(p => Evaluate(p, open)).ToList();
    }

    /// <summary>
    /// Posts that will be uncovered on each of the next <paramref name="workingDays"/> working days
    /// after <paramref name="today"/>, from planned leave: A and every B on leave the same day.
    /// </summary>
    public static IReadOnlyList<PredictedGap> PredictGaps(
        IEnumerable<PostHolders> posts, IEnumerable<PlannedLeave> leaves, DateOnly today, int workingDays, WorkingCalendar calendar)
    {
        var byStaff = leaves.ToLookup(l => l.StaffMemberId);
        var postList = posts.ToList();
        var gaps = new List<PredictedGap>();
        var day = today;
        for (var i = 0; i < workingDays; i++)
        {
            day = calendar.NextWorkingDay(day);
            var date = day;
            bool OnLeave(int staffId) => byStaff[staffId].Any(l => l.Covers(date));
            gaps.AddRange(postList
                .Where(p => p.Holders.Count > 0 && p.Holders.All(h => OnLeave(h.StaffMemberId)))
                .Select(p => new PredictedGap(date, p.PostId, p.WindowId)));
        }
        return gaps;
    }
}
