using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Rounds;

/// <summary>
/// The fire equipment register's daily look (SE2.4): every active item due today or overdue has
/// one open <see cref="AlertKinds.FireEquipmentDue"/> alert ("fire-equipment:{id}"); an item
/// inspected, deactivated or given a later date has none. Run twice, it raises nothing twice (the
/// alerts' unique index keeps one open alert per item).
/// </summary>
public sealed class FireEquipmentMonitor(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time)
{
    /// <summary>Raises and resolves; returns how many alerts were raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The open alerts first, then the cause: an inspection or report landing in between then resolves
        // nothing twice and raises nothing for an item already dealt with.
        var open = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.FireEquipmentDue).ToListAsync(cancellationToken);
        var due = await db.FireEquipment.AsNoTracking()
            .Where(f => f.IsActive && f.NextInspectionOn <= today)
            .Select(f => f.Id)
            .ToListAsync(cancellationToken);
        var dueSubjects = due.Select(HallSubjects.FireEquipment).ToHashSet(StringComparer.Ordinal);
        var openSubjects = open.Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);

        foreach (var alert in open.Where(a => !dueSubjects.Contains(a.Subject)))
        {
            AlertRules.Resolve(alert, now);
        }
        var raised = 0;
        foreach (var subject in dueSubjects.Where(s => !openSubjects.Contains(s)))
        {
            db.Alerts.Add(new Alert { Kind = AlertKinds.FireEquipmentDue, Severity = AlertSeverity.Warning, Subject = subject, RaisedAt = now });
            raised++;
        }
        return await AlertSaves.SaveOrOneByOneAsync(contexts, db, cancellationToken) ? raised : 0;
    }
}
