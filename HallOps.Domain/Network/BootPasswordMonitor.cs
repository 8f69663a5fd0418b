using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Network;

/// <summary>IT5: how many working days into a quarter a boot password may stay unconfirmed (Hall:Network).</summary>
public sealed record BootPasswordSettings(int GraceWorkingDays);

/// <summary>
/// IT5's quarterly look: every machine holding important files whose holder has not confirmed its boot
/// password this quarter, once the quarter's grace working days have passed, has one open
/// <see cref="AlertKinds.BootPasswordUnconfirmed"/> alert ("equipment:{id}", with the machine's window) —
/// to its holder and the network administrator. A confirmed, retired or no-longer-important machine has
/// none. Run twice, it raises nothing twice (the alerts' unique index keeps one open alert per machine).
/// </summary>
public sealed class BootPasswordMonitor(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, BootPasswordSettings settings, TimeProvider time)
{
    /// <summary>Raises and resolves; returns how many alerts were raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The open alerts first, then the cause: a confirmation landing in between resolves nothing twice.
        var open = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.BootPasswordUnconfirmed).ToListAsync(cancellationToken);
        var machines = await db.Equipment.AsNoTracking()
            .Where(e => e.HoldsImportantFiles && e.Status != EquipmentStatus.Retired)
            .Select(e => new { e.Id, e.WindowId, e.Status, e.BootPasswordConfirmedOn })
            .ToListAsync(cancellationToken);
        var overdue = machines
            .Where(m => EquipmentRules.BootPassword(true, m.Status, m.BootPasswordConfirmedOn, today, settings.GraceWorkingDays, calendar)
                        == BootPasswordState.Overdue)
            .ToDictionary(m => HallSubjects.Equipment(m.Id), m => m.WindowId, StringComparer.Ordinal);
        var openSubjects = open.Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);

        foreach (var alert in open.Where(a => !overdue.ContainsKey(a.Subject)))
        {
            AlertRules.Resolve(alert, now);
        }
        var raised = 0;
        foreach (var (subject, windowId) in overdue.Where(o => !openSubjects.Contains(o.Key)))
        {
            db.Alerts.Add(new Alert
            {
                Kind = AlertKinds.BootPasswordUnconfirmed, Severity = AlertSeverity.Warning, Subject = subject, WindowId = windowId, RaisedAt = now,
            });
            raised++;
        }
        return await AlertSaves.SaveOrOneByOneAsync(contexts, db, cancellationToken) ? raised : 0;
    }
}
