using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Alerts;

/// <summary>An alert as screens show it.</summary>
public sealed record AlertView(
    long Id,
    string Kind,
    AlertSeverity Severity,
    int? WindowId,
    int? WindowNumber,
    string? WindowName,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? EscalatedAt,
    bool IsOpen);

/// <summary>
/// Open alerts, and acknowledging them. Who may acknowledge: the holders (A and B) of the posts of
/// the alert's window, the handler of the alert's case (TL5), network administrators for the IT alerts (IT2, IT5), and managers.
/// Two people at once → exactly one acknowledgement is stored;
/// the other is told who was first.
/// </summary>
public sealed class AlertService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 500;

    /// <summary>IT2, IT5: the alerts addressed to the network administrators, who see and acknowledge them.</summary>
    public static readonly IReadOnlySet<string> NetworkKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        AlertKinds.VirusIncidentOpen, AlertKinds.BootPasswordUnconfirmed,
    };

    private static readonly string[] NetworkKindList = [.. NetworkKinds];

    /// <summary>
    /// Whose open alerts are whose, newest first — the one rule <see cref="MineAsync"/> lists by and
    /// <see cref="AcknowledgeAsync"/> checks by: the alerts of the windows a person holds a post of
    /// (AB4), of the cases they handle (TL5), of the inquiries they first received and have not yet
    /// disposed of (FQ3.8), the boot-password alerts of the machines they hold (IT5), and every IT
    /// alert for a network administrator (IT2, IT5). Compiled once: every clerk's page reads it after
    /// each of their clicks and for the events at their windows. The network kinds are always given
    /// whole (<see cref="NetworkKindList"/>) and <c>network</c> says whether they count: a list that
    /// was empty for most people and not for others would change the SQL from one person to the next.
    /// </summary>
    private static readonly Func<HallDbContext, int?, string, bool, string[], IAsyncEnumerable<AlertView>> OpenAlertsOf = EF.CompileAsyncQuery(
        (HallDbContext db, int? staffId, string userName, bool network, string[] networkKinds) => db.Alerts
            .Where(a => a.IsOpen && (
                (a.WindowId != null && db.PostHolders.Where(h => staffId != null && h.StaffMemberId == staffId).Select(h => h.Post!.WindowId).Contains(a.WindowId.Value))
                || db.Cases.Where(c => staffId != null && c.HandlerStaffId == staffId).Select(c => HallSubjects.CasePrefix + c.Id).Contains(a.Subject)
                || db.Inquiries.Where(i => i.ResponderUserName == userName && i.Disposition == null).Select(i => HallSubjects.InquiryPrefix + i.Id).Contains(a.Subject)
                || (network && networkKinds.Contains(a.Kind))
                || (a.Kind == AlertKinds.BootPasswordUnconfirmed
                    && db.Equipment.Where(e => staffId != null && e.HolderStaffId == staffId).Select(e => HallSubjects.EquipmentPrefix + e.Id).Contains(a.Subject))))
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Select(a => new AlertView(
                a.Id, a.Kind, a.Severity, a.WindowId,
                db.Windows.Where(w => w.Id == a.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
                db.Windows.Where(w => w.Id == a.WindowId).Select(w => w.Name).FirstOrDefault(),
                a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.EscalatedAt, a.IsOpen)));

    public async Task<IReadOnlyList<AlertView>> OpenAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Views(db.Alerts.Where(a => a.IsOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(take), db).ToListAsync(cancellationToken);
    }

    /// <summary>The open alerts the signed-in person may acknowledge (all of them, for a manager).</summary>
    public async Task<IReadOnlyList<AlertView>> MineAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (user.IsManager)
        {
            return await Views(db.Alerts.Where(a => a.IsOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id), db).ToListAsync(cancellationToken);
        }
        return await OpenAlertsOfAsync(db, user, cancellationToken);
    }

    /// <summary>The open alerts that are <paramref name="user"/>'s to acknowledge (<see cref="OpenAlertsOf"/>), newest first.</summary>
    private static async Task<List<AlertView>> OpenAlertsOfAsync(HallDbContext db, HallUserInfo user, CancellationToken cancellationToken)
    {
        var alerts = new List<AlertView>();
        await foreach (var alert in OpenAlertsOf(db, user.StaffId, user.Name, IsNetworkAdmin(user), NetworkKindList).WithCancellation(cancellationToken))
        {
            alerts.Add(alert);
        }
        return alerts;
    }

    public async Task<SaveResult> AcknowledgeAsync(long alertId, string? note, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        // Window staff and managers; a network administrator (not window staff) for the IT alerts only, checked below.
        await authorizer.EnsureAsync(IsNetworkAdmin(user) ? HallPolicies.Network : HallPolicies.Serve);
        note = note?.Trim();
        if (note is { Length: > MaxNote })
        {
            return new SaveResult([L["Alerts.NoteTooLong", MaxNote]]);
        }
        // A concurrent escalation or re-alert changes the row too: try again on what is stored now.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken);
            if (alert is null)
            {
                return new SaveResult([L["Alerts.Unknown"]]);
            }
            if (!alert.IsOpen)
            {
                return new SaveResult([L["Alerts.AlreadyResolved"]]);
            }
            if (!user.IsManager && !(await OpenAlertsOfAsync(db, user, cancellationToken)).Any(mine => mine.Id == alert.Id))
            {
                return new SaveResult([L["Alerts.NotYours"]]);
            }
            if (alert.AcknowledgedAt is { } at)
            {
                return new SaveResult([AlreadyAcknowledged(alert.AcknowledgedBy, at)]);
            }

            alert.AcknowledgedAt = time.GetUtcNow();
            alert.AcknowledgedBy = user.DisplayName; // the person, as the wall names them (SC2.5)
            alert.AcknowledgedByUserId = user.UserId;
            alert.AckNote = string.IsNullOrEmpty(note) ? null : note;
            alert.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SaveResult.Ok;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Someone else changed it in the same instant: read it again and decide.
            }
        }
    }

    private static bool IsNetworkAdmin(HallUserInfo user) => user.Principal.IsInRole(HallOps.Domain.Identity.HallRoles.NetworkAdmin);

    private string AlreadyAcknowledged(string? by, DateTimeOffset at) =>
        L["Alerts.AlreadyAcknowledged", by ?? "", TimeZoneInfo.ConvertTime(at, options.Value.Zone()).ToString("HH:mm:ss")];


    private static IQueryable<AlertView> Views(IQueryable<Alert> alerts, HallDbContext db) =>
        alerts.Select(a => new AlertView(
            a.Id, a.Kind, a.Severity, a.WindowId,
            db.Windows.Where(w => w.Id == a.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
            db.Windows.Where(w => w.Id == a.WindowId).Select(w => w.Name).FirstOrDefault(),
            a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.EscalatedAt, a.IsOpen));
}
