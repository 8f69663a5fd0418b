using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Rounds;

/// <summary>
/// Watches the hygiene rectifications (HY4 整改): one not reported done once its due date — counted
/// in working days on the hall's calendar when the inspection raised it — has passed has one open
/// <see cref="AlertKinds.RectificationOverdue"/> alert ("rectification:{id}", with its window, so the
/// window's staff may acknowledge it); reported done, the alert is resolved. Run twice, it changes
/// nothing twice.
/// </summary>
public sealed class RectificationMonitor(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time)
{
    /// <summary>Whether a rectification is overdue on a hall-local date: not done, and its due date has passed.</summary>
    public static bool IsOverdue(DateOnly dueOn, DateTimeOffset? doneAt, DateOnly today) => doneAt is null && today > dueOn;

    /// <summary>Raises and resolves; returns how many alerts were raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The open alerts first, then the cause: an inspection or report landing in between then resolves
        // nothing twice and raises nothing for an item already dealt with.
        var open = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.RectificationOverdue).ToListAsync(cancellationToken);
        var overdue = await db.Rectifications.AsNoTracking()
            .Where(r => r.DoneAt == null && r.DueOn < today)
            .Select(r => new { r.Id, r.WindowId })
            .ToListAsync(cancellationToken);
        var overdueSubjects = overdue.ToDictionary(r => HallSubjects.Rectification(r.Id), r => r.WindowId, StringComparer.Ordinal);
        var openSubjects = open.Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);

        foreach (var alert in open.Where(a => !overdueSubjects.ContainsKey(a.Subject)))
        {
            AlertRules.Resolve(alert, now);
        }
        var raised = 0;
        foreach (var (subject, windowId) in overdueSubjects.Where(o => !openSubjects.Contains(o.Key)))
        {
            db.Alerts.Add(new Alert
            {
                Kind = AlertKinds.RectificationOverdue, Severity = AlertSeverity.Warning, Subject = subject, WindowId = windowId, RaisedAt = now,
            });
            raised++;
        }
        return await AlertSaves.SaveOrOneByOneAsync(contexts, db, cancellationToken) ? raised : 0;
    }
}
