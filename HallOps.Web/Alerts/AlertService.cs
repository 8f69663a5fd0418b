using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
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
        var open = db.Alerts.Where(a => a.IsOpen);
        if (!user.IsManager)
        {
            var windows = db.WindowsHeldBy(user.StaffId);
            var cases = MyCaseSubjects(db, user.StaffId);
            var inquiries = MyInquirySubjects(db, user.Name);
            var network = IsNetworkAdmin(user);
            var machines = MyEquipmentSubjects(db, user.StaffId);
            // The network kinds as constants in the SQL: a list parameter (empty for most people) made
            // EF Core translate the query's SQL again on every read.
            open = open.Where(a => (a.WindowId != null && windows.Contains(a.WindowId.Value)) || cases.Contains(a.Subject)
                || inquiries.Contains(a.Subject) || (network && EF.Constant(NetworkKindList).Contains(a.Kind))
                || (a.Kind == AlertKinds.BootPasswordUnconfirmed && machines.Contains(a.Subject)));
        }
        return await Views(open.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id), db).ToListAsync(cancellationToken);
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
            if (!user.IsManager
                && !(IsNetworkAdmin(user) && NetworkKinds.Contains(alert.Kind))
                && !(alert.WindowId is { } windowId && await db.WindowsHeldBy(user.StaffId).ContainsAsync(windowId, cancellationToken))
                && !await MyCaseSubjects(db, user.StaffId).ContainsAsync(alert.Subject, cancellationToken)
                && !await MyInquirySubjects(db, user.Name).ContainsAsync(alert.Subject, cancellationToken)
                && !(alert.Kind == AlertKinds.BootPasswordUnconfirmed && await MyEquipmentSubjects(db, user.StaffId).ContainsAsync(alert.Subject, cancellationToken)))
            {
                return new SaveResult([L["Alerts.NotYours"]]);
            }
            if (!alert.IsOpen)
            {
                return new SaveResult([L["Alerts.AlreadyResolved"]]);
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


    /// <summary>TL5: the subjects ("case:{id}") of the cases a person handles (承办人): their case alerts are theirs to acknowledge.</summary>
    private static IQueryable<string> MyCaseSubjects(HallDbContext db, int? staffId) =>
        db.Cases.Where(c => staffId != null && c.HandlerStaffId == staffId).Select(c => HallSubjects.CasePrefix + c.Id);

    /// <summary>FQ3.8: the subjects ("inquiry:{id}") of the inquiries a person first received: their end-of-day alerts are theirs, window or not.</summary>
    private static IQueryable<string> MyInquirySubjects(HallDbContext db, string userName) =>
        db.Inquiries.Where(i => i.ResponderUserName == userName && i.Disposition == null).Select(i => HallSubjects.InquiryPrefix + i.Id);

    /// <summary>IT5: the subjects ("equipment:{id}") of the machines a person holds (使用人): their boot-password alerts are theirs.</summary>
    private static IQueryable<string> MyEquipmentSubjects(HallDbContext db, int? staffId) =>
        db.Equipment.Where(e => staffId != null && e.HolderStaffId == staffId).Select(e => HallSubjects.EquipmentPrefix + e.Id);

    private static IQueryable<AlertView> Views(IQueryable<Alert> alerts, HallDbContext db) =>
        alerts.Select(a => new AlertView(
            a.Id, a.Kind, a.Severity, a.WindowId,
            db.Windows.Where(w => w.Id == a.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
            db.Windows.Where(w => w.Id == a.WindowId).Select(w => w.Name).FirstOrDefault(),
            a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.EscalatedAt, a.IsOpen));
}
