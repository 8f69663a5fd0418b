using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Presence;

/// <summary>A post the signed-in person holds, with the other holders.</summary>
public sealed record MyPost(int PostId, string PostName, int WindowNumber, string WindowName, PostRole Role, IReadOnlyList<PostPerson> Others, int WindowId);

public sealed record PostPerson(int StaffId, string Name, string EmployeeNo, PostRole Role, PresenceState State);

/// <summary>The staff page's view of the signed-in person.</summary>
public sealed record MyPresence(int StaffId, string Name, string EmployeeNo, StaffPresence? Now, IReadOnlyList<MyPost> Posts)
{
    /// <summary>The B holders of my A posts: whom I may hand over to (AB3).</summary>
    public IReadOnlyList<PostPerson> MyBackups => Posts.Where(p => p.Role == PostRole.A)
        .SelectMany(p => p.Others.Where(o => o.Role == PostRole.B)).DistinctBy(o => o.StaffId).ToList();
}

/// <summary>
/// A handover today (AB3): who left, to whom, when, why, until when, with what note. Active while the
/// person who left is still away on that handover.
/// </summary>
public sealed record Handover(
    DateTimeOffset At,
    int FromStaffId,
    string FromName,
    int ToStaffId,
    string ToName,
    int? WindowNumber,
    string? WindowName,
    AwayReason? Reason,
    DateTimeOffset? ExpectedReturn,
    string? Note,
    bool Active);

/// <summary>What a person asks when leaving their post (AB3).</summary>
public sealed class AwayRequest
{
    public AwayReason Reason { get; set; } = AwayReason.Business;
    public DateTimeOffset? ExpectedReturn { get; set; }
    public int? HandoverToStaffId { get; set; }
    public string? HandoverNote { get; set; }
}

/// <summary>
/// Sign on, go away with a handover to B, come back, sign off (AB3, AB4). Every change is stored
/// with who and when, published once committed, and the alerts follow at once.
/// </summary>
public sealed class PresenceService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    CoverageMonitor monitor,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 500;

    public async Task<MyPresence?> MineAsync(CancellationToken cancellationToken = default) => await MineAsync(null, cancellationToken);

    /// <summary>
    /// As <see cref="MineAsync(CancellationToken)"/>; given what it returned before (<paramref name="known"/>),
    /// reads only the presence of the people in it again — what a presence change changes — and
    /// keeps the posts and who holds them (a post or staff change needs a full read).
    /// </summary>
    public async Task<MyPresence?> MineAsync(MyPresence? known, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.StaffId is not { } staffId)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (known?.StaffId == staffId)
        {
            var now = await PresenceOfAsync(db, known.Posts.SelectMany(p => p.Others).Select(o => o.StaffId).Append(staffId), cancellationToken);
            return known with
            {
                Now = now.GetValueOrDefault(staffId),
                Posts = known.Posts.Select(p => p with { Others = p.Others.Select(o => o with { State = StateOf(now, o.StaffId) }).ToList() }).ToList(),
            };
        }
        var me = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, cancellationToken);
        if (me is null)
        {
            return null;
        }
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Holders.Any(h => h.StaffMemberId == staffId))
            .OrderBy(p => p.Window!.Number)
            .Select(p => new
            {
                p.Id, p.Name, p.WindowId, p.Window!.Number, WindowName = p.Window.Name,
                Holders = p.Holders.OrderBy(h => h.Role).ThenBy(h => h.Id)
                    .Select(h => new { h.StaffMemberId, h.Role, h.StaffMember!.Name, h.StaffMember.EmployeeNo }).ToList(),
            })
            .ToListAsync(cancellationToken);
        // Only the people this page shows: me and the others on my posts.
        var presence = await PresenceOfAsync(db, posts.SelectMany(p => p.Holders).Select(h => h.StaffMemberId).Append(staffId), cancellationToken);
        return new MyPresence(staffId, me.Name, me.EmployeeNo, presence.GetValueOrDefault(staffId), posts.Select(p => new MyPost(
            p.Id, p.Name, p.Number, p.WindowName,
            p.Holders.First(h => h.StaffMemberId == staffId).Role,
            p.Holders.Where(h => h.StaffMemberId != staffId)
                .Select(h => new PostPerson(h.StaffMemberId, h.Name, h.EmployeeNo, h.Role, StateOf(presence, h.StaffMemberId))).ToList(),
            p.WindowId)).ToList());
    }

    private static async Task<Dictionary<int, StaffPresence>> PresenceOfAsync(HallDbContext db, IEnumerable<int> staffIds, CancellationToken cancellationToken)
    {
        var people = staffIds.Distinct().ToList();
        return await db.Presences.AsNoTracking().Where(p => people.Contains(p.StaffMemberId)).ToDictionaryAsync(p => p.StaffMemberId, cancellationToken);
    }

    private static PresenceState StateOf(Dictionary<int, StaffPresence> presence, int staffId) =>
        presence.TryGetValue(staffId, out var p) ? p.State : PresenceState.SignedOff;

    /// <summary>
    /// Today's handovers (hall-local day) that the signed-in person gave or received, newest first:
    /// what B must know to take over (AB3).
    /// </summary>
    public async Task<IReadOnlyList<Handover>> MyHandoversTodayAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.StaffId is not { } me)
        {
            return [];
        }
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var dayStart = calendar.ToInstant(calendar.LocalDate(now), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var handovers = await HandoversOf(db, me, dayStart).AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        if (handovers.Count == 0)
        {
            return [];
        }
        var people = handovers.SelectMany(h => new[] { h.StaffMemberId, h.HandoverToStaffId!.Value }).Distinct().ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => people.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var givers = handovers.Select(h => h.StaffMemberId).Distinct().ToList();
        var presence = await db.Presences.AsNoTracking().Where(p => givers.Contains(p.StaffMemberId)).ToDictionaryAsync(p => p.StaffMemberId, cancellationToken);
        var postIds = handovers.Where(h => h.PostId is not null).Select(h => h.PostId!.Value).Distinct().ToList();
        var windows = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Window!.Number, p.Window.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return handovers.Select(h =>
        {
            var window = h.PostId is { } postId ? windows.GetValueOrDefault(postId) : null;
            var active = presence.TryGetValue(h.StaffMemberId, out var current)
                && current.State == PresenceState.Away && current.HandoverToStaffId == h.HandoverToStaffId && current.Since == h.At;
            return new Handover(
                h.At, h.StaffMemberId, names.GetValueOrDefault(h.StaffMemberId, ""), h.HandoverToStaffId!.Value,
                names.GetValueOrDefault(h.HandoverToStaffId.Value, ""), window?.Number, window?.Name,
                h.Reason, h.ExpectedReturn, h.HandoverNote, active);
        }).ToList();
    }

    /// <summary>
    /// The handovers <paramref name="staffId"/> gave or received since <paramref name="since"/>: two
    /// reads of their own indexes, (giver, At) and (receiver, At) — an OR of the two would read every
    /// handover the hall made that day.
    /// </summary>
    internal static IQueryable<PresenceEvent> HandoversOf(HallDbContext db, int staffId, DateTimeOffset since) =>
        db.PresenceEvents.Where(e => e.StaffMemberId == staffId && e.At >= since && e.HandoverToStaffId != null)
            .Concat(db.PresenceEvents.Where(e => e.HandoverToStaffId == staffId && e.At >= since && e.StaffMemberId != staffId));

    public Task<SaveResult> SignOnAsync(int postId, CancellationToken cancellationToken = default) =>
        ChangeAsync(async (db, me, presence) =>
        {
            if (!await db.PostHolders.AnyAsync(h => h.PostId == postId && h.StaffMemberId == me, cancellationToken))
            {
                return [await db.Posts.AnyAsync(p => p.Id == postId, cancellationToken) ? L["Presence.NotYourPost"] : L["Presence.UnknownPost"]];
            }
            presence.State = PresenceState.OnPost;
            presence.PostId = postId;
            Clear(presence);
            return [];
        }, cancellationToken);

    public Task<SaveResult> GoAwayAsync(AwayRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(async (db, me, presence) =>
        {
            var errors = new List<string>();
            if (presence.State != PresenceState.OnPost)
            {
                return [L["Presence.NotOnPost"]];
            }
            var note = request.HandoverNote?.Trim();
            if (!Enum.IsDefined(request.Reason))
            {
                errors.Add(L["Presence.ReasonRequired"]);
            }
            if (note is { Length: > MaxNote })
            {
                errors.Add(L["Presence.NoteTooLong", MaxNote]);
            }
            if (request.ExpectedReturn is { } back && back <= time.GetUtcNow())
            {
                errors.Add(L["Presence.ReturnInPast"]);
            }
            if (request.HandoverToStaffId is { } to)
            {
                if (to == me)
                {
                    errors.Add(L["Presence.HandoverToSelf"]);
                }
                else if (!await db.PostHolders.AnyAsync(b => b.StaffMemberId == to && b.Role == PostRole.B
                             && db.PostHolders.Any(a => a.PostId == b.PostId && a.StaffMemberId == me && a.Role == PostRole.A), cancellationToken))
                {
                    errors.Add(L["Presence.HandoverNotYourB"]);
                }
            }
            if (errors.Count > 0)
            {
                return errors;
            }
            presence.State = PresenceState.Away;
            presence.Reason = request.Reason;
            presence.ExpectedReturn = request.ExpectedReturn;
            presence.HandoverToStaffId = request.HandoverToStaffId;
            presence.HandoverNote = string.IsNullOrEmpty(note) ? null : note;
            return [];
        }, cancellationToken);

    public Task<SaveResult> ComeBackAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync((_, _, presence) =>
        {
            if (presence.State != PresenceState.Away)
            {
                return Task.FromResult<IReadOnlyList<string>>([L["Presence.NotAway"]]);
            }
            presence.State = PresenceState.OnPost;
            Clear(presence);
            return Task.FromResult<IReadOnlyList<string>>([]);
        }, cancellationToken);

    public Task<SaveResult> SignOffAsync(CancellationToken cancellationToken = default) =>
        ChangeAsync((_, _, presence) =>
        {
            presence.State = PresenceState.SignedOff;
            presence.PostId = null;
            Clear(presence);
            return Task.FromResult<IReadOnlyList<string>>([]);
        }, cancellationToken);

    private static void Clear(StaffPresence presence)
    {
        presence.Reason = null;
        presence.ExpectedReturn = null;
        presence.HandoverToStaffId = null;
        presence.HandoverNote = null;
    }

    /// <summary>
    /// Applies a change to the signed-in person's presence: stored with its history line and the
    /// alerts it raises or clears in one commit (if the alerts conflict with another instance, the
    /// change commits alone and the alerts are repaired at once; the minute scan repairs the rest).
    /// The change reads the presence inside the monitor's save, so it checks what is stored now.
    /// </summary>
    private async Task<SaveResult> ChangeAsync(
        Func<HallDbContext, int, StaffPresence, Task<IReadOnlyList<string>>> change, CancellationToken cancellationToken)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        if (user.StaffId is not { } me)
        {
            return new SaveResult([L["Presence.NoStaffRecord"]]);
        }
        // The change and the alerts it causes commit together: every screen shows both at once.
        var errors = await monitor.SaveWithAlertsAsync(async db =>
        {
            var presence = await db.Presences.SingleOrDefaultAsync(p => p.StaffMemberId == me, CancellationToken.None);
            if (presence is null)
            {
                presence = new StaffPresence { StaffMemberId = me };
                db.Presences.Add(presence);
            }
            var errors = await change(db, me, presence);
            if (errors.Count > 0)
            {
                return errors;
            }
            presence.Since = time.GetUtcNow();
            db.PresenceEvents.Add(new PresenceEvent
            {
                StaffMemberId = me,
                State = presence.State,
                PostId = presence.PostId,
                Reason = presence.Reason,
                At = presence.Since,
                ExpectedReturn = presence.ExpectedReturn,
                HandoverToStaffId = presence.HandoverToStaffId,
                HandoverNote = presence.HandoverNote,
                RecordedBy = user.Name,
            });
            return [];
        }, cancellationToken);
        return errors.Count > 0 ? new SaveResult(errors) : SaveResult.Ok;
    }
}
