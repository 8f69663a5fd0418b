using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Network;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Network;

/// <summary>An open incident on the administrator's desk, with its alert's state.</summary>
public sealed record DeskIncident(
    long Id, string Number, string? AssetNumber, int? EquipmentId, bool NotReportersAsset, int? WindowNumber, string ReportedBy, DateTimeOffset ReportedAt,
    string Description, string? VirusName, bool FromScan, DateTimeOffset EscalatesAt, bool Escalated,
    long? AlertId, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);

/// <summary>A media scan of today.</summary>
public sealed record DeskScan(
    long Id, MediaKind Medium, string Owner, string? OwnerUnit, string Purpose, string Antivirus, DateOnly SignatureDate,
    MediaScanResult Result, string? VirusName, string ScannedBy, DateTimeOffset ScannedAt, int? WindowNumber, string? IncidentNumber);

/// <summary>An entry of the machine-room access log, read-only here.</summary>
public sealed record DeskRoomEntry(long Id, string Person, string? Unit, bool IsAdministrator, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt,
    string Purpose, string? AccompaniedBy, string? ApprovedBy);

/// <summary>An asset whose maintenance is due within the week (IT6).</summary>
public sealed record DeskMaintenance(int Id, string AssetNumber, EquipmentKind Kind, int? WindowNumber, string? Room, DateOnly NextMaintenanceOn, bool Overdue);

/// <summary>An incident fixed or cleaned in the last days, for the record.</summary>
public sealed record DeskClosedIncident(long Id, string Number, string? AssetNumber, VirusIncidentStatus Status, string ReportedBy, DateTimeOffset ReportedAt,
    string? FixedBy, DateTimeOffset? FixedAt, string? FixNote);

public sealed record NetworkDesk(
    IReadOnlyList<DeskIncident> Open, IReadOnlyList<DeskClosedIncident> Closed, IReadOnlyList<DeskScan> ScansToday,
    IReadOnlyList<DeskRoomEntry> MachineRoom, IReadOnlyList<DeskMaintenance> Maintenance);

/// <summary>
/// The network administrator's desk (Network policy, re-checked on every read and action): open virus
/// incidents oldest first (IT2), today's external-media scans (IT3), the machine-room access log and
/// the maintenance due within a week (IT6); recording a fix closes the incident and resolves its alert.
/// </summary>
public sealed class NetworkDeskService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxFixNote = 1000;
    public const int MaintenanceWindowDays = 7;
    public const int MachineRoomLines = 15;

    public async Task<NetworkDesk> DeskAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        var dayStart = calendar.ToInstant(today, TimeOnly.MinValue);
        var weekAgo = now.AddDays(-7);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Number, cancellationToken);
        int? Number(int? windowId) => windowId is { } id && windows.TryGetValue(id, out var n) ? n : null;

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Kind == AlertKinds.VirusIncidentOpen).ToListAsync(cancellationToken);
        var bySubject = alerts.GroupBy(a => a.Subject).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var open = (await db.VirusIncidents.AsNoTracking().Where(v => v.Status == VirusIncidentStatus.Open).ToListAsync(cancellationToken))
            .OrderBy(v => v.ReportedAt).ThenBy(v => v.Id)
            .Select(v =>
            {
                var alert = bySubject.GetValueOrDefault(HallSubjects.VirusIncident(v.Id));
                return new DeskIncident(v.Id, v.Number, v.AssetNumber, v.EquipmentId, v.NotReportersAsset, Number(v.WindowId), v.ReportedBy, v.ReportedAt,
                    v.Description, v.VirusName, v.MediaScanId is not null, ItRules.EscalatesAt(v.ReportedAt, calendar),
                    ItRules.IsEscalated(v.Status, v.ReportedAt, now, calendar), alert?.Id, alert?.AcknowledgedBy, alert?.AcknowledgedAt);
            })
            .ToList();
        var closed = (await db.VirusIncidents.AsNoTracking()
                .Where(v => v.Status != VirusIncidentStatus.Open)
                .Select(v => new DeskClosedIncident(v.Id, v.Number, v.AssetNumber, v.Status, v.ReportedBy, v.ReportedAt, v.FixedBy, v.FixedAt, v.FixNote))
                .ToListAsync(cancellationToken))
            .Where(v => (v.FixedAt ?? v.ReportedAt) >= weekAgo)
            .OrderByDescending(v => v.FixedAt ?? v.ReportedAt).Take(10).ToList();
        var incidentNumbers = await db.VirusIncidents.AsNoTracking().Where(v => v.MediaScanId != null && v.ReportedAt >= dayStart)
            .ToDictionaryAsync(v => v.MediaScanId!.Value, v => v.Number, cancellationToken);
        var scans = (await db.MediaScans.AsNoTracking().Where(m => m.ScannedAt >= dayStart).ToListAsync(cancellationToken))
            .OrderByDescending(m => m.ScannedAt).ThenByDescending(m => m.Id)
            .Select(m => new DeskScan(m.Id, m.Medium, m.Owner, m.OwnerUnit, m.Purpose, m.Antivirus, m.SignatureDate, m.Result, m.VirusName, m.ScannedBy,
                m.ScannedAt, Number(m.WindowId), incidentNumbers.GetValueOrDefault(m.Id)))
            .ToList();
        var room = (await db.MachineRoomEntries.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(e => e.EnteredAt).Take(MachineRoomLines)
            .Select(e => new DeskRoomEntry(e.Id, e.Person, e.Unit, e.IsAdministrator, e.EnteredAt, e.LeftAt, e.Purpose, e.AccompaniedBy, e.ApprovedBy))
            .ToList();
        var horizon = today.AddDays(MaintenanceWindowDays);
        var maintenance = (await db.Equipment.AsNoTracking()
                .Where(e => e.Status != EquipmentStatus.Retired && e.NextMaintenanceOn != null && e.NextMaintenanceOn <= horizon)
                .ToListAsync(cancellationToken))
            .OrderBy(e => e.NextMaintenanceOn).ThenBy(e => e.AssetNumber, StringComparer.Ordinal)
            .Select(e => new DeskMaintenance(e.Id, e.AssetNumber, e.Kind, Number(e.WindowId), e.Room, e.NextMaintenanceOn!.Value, e.NextMaintenanceOn < today))
            .ToList();
        return new NetworkDesk(open, closed, scans, room, maintenance);
    }

    /// <summary>IT2: the administrator records the fix (a note is required); the incident is Fixed and its alert resolved.</summary>
    public async Task<SaveResult> FixAsync(long incidentId, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        note = note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return new SaveResult([L["NetworkDesk.FixNoteRequired"]]);
        }
        if (note.Length > MaxFixNote)
        {
            return new SaveResult([L["NetworkDesk.FixNoteTooLong", MaxFixNote]]);
        }
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await db.VirusIncidents.SingleOrDefaultAsync(v => v.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return new SaveResult([L["NetworkDesk.IncidentUnknown"]]);
        }
        if (incident.Status != VirusIncidentStatus.Open)
        {
            return new SaveResult([L["NetworkDesk.AlreadyFixed", incident.FixedBy ?? incident.ReportedBy]]);
        }
        incident.Status = VirusIncidentStatus.Fixed;
        incident.FixedAt = now;
        incident.FixedBy = user.DisplayName;
        incident.FixNote = note;
        incident.Version++;
        var subject = HallSubjects.VirusIncident(incident.Id);
        foreach (var alert in await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.VirusIncidentOpen && a.Subject == subject).ToListAsync(cancellationToken))
        {
            AlertRules.Resolve(alert, now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["NetworkDesk.ChangedMeanwhile"]]);
        }
    }
}
