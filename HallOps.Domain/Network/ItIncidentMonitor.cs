using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Network;

/// <summary>What one run of the incident monitor did.</summary>
public sealed record ItIncidentScanResult(int Raised, int Escalated, int Resolved)
{
    public static ItIncidentScanResult None { get; } = new(0, 0, 0);
}

/// <summary>
/// The virus incidents' scan (IT2), every five minutes: every open incident keeps one open
/// <see cref="AlertKinds.VirusIncidentOpen"/> alert for the network administrator (raised here when the
/// report's own alert is missing); an incident open one working day (<see cref="ItRules.EscalatesAt"/>)
/// has its alert escalated to the manager; a fixed or cleaned incident's alert is resolved.
/// Idempotent: it reads the open alerts before the incidents, and the unique index on open alerts
/// refuses a second one from a concurrent run.
/// </summary>
public sealed class ItIncidentMonitor(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time)
{
    /// <summary>The alert an open incident keeps, as the report raises it and the scan repairs it.</summary>
    public static Alert AlertFor(long incidentId, DateTimeOffset now, bool escalated) => new()
    {
        Kind = AlertKinds.VirusIncidentOpen,
        Severity = AlertSeverity.Critical,
        Subject = HallSubjects.VirusIncident(incidentId),
        // No window: the network administrator's to acknowledge, not the window's.
        WindowId = null,
        RaisedAt = now,
        EscalatedAt = escalated ? now : null,
    };

    public async Task<ItIncidentScanResult> ScanAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.VirusIncidentOpen).ToListAsync(cancellationToken);
        var incidents = await db.VirusIncidents.AsNoTracking()
            .Where(v => v.Status == VirusIncidentStatus.Open)
            .Select(v => new { v.Id, v.ReportedAt })
            .ToListAsync(cancellationToken);
        var wanted = incidents.ToDictionary(v => HallSubjects.VirusIncident(v.Id), v => v.ReportedAt, StringComparer.Ordinal);
        var raised = 0;
        var escalated = 0;
        var resolved = 0;
        foreach (var alert in open)
        {
            if (!wanted.TryGetValue(alert.Subject, out var reportedAt))
            {
                AlertRules.Resolve(alert, now);
                resolved++;
            }
            else if (alert.EscalatedAt is null && ItRules.IsEscalated(VirusIncidentStatus.Open, reportedAt, now, calendar))
            {
                alert.EscalatedAt = now;
                alert.Version++;
                escalated++;
            }
        }
        var alerted = open.Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);
        foreach (var incident in incidents.Where(v => !alerted.Contains(HallSubjects.VirusIncident(v.Id))))
        {
            db.Alerts.Add(AlertFor(incident.Id, now, ItRules.IsEscalated(VirusIncidentStatus.Open, incident.ReportedAt, now, calendar)));
            raised++;
        }
        if (raised + escalated + resolved == 0)
        {
            return ItIncidentScanResult.None;
        }
        await AlertSaves.SaveOrOneByOneAsync(contexts, db, cancellationToken);
        return new ItIncidentScanResult(raised, escalated, resolved);
    }
}
