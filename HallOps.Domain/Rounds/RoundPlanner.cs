using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HallOps.Domain.Rounds;

/// <summary>
/// Turns the schedules into rounds to do: for each occurrence in a span and each place its scope
/// names, one <see cref="RoundInstance"/> — unique by occurrence key, so planning the same span
/// twice (a retry, a second instance) adds nothing.
/// </summary>
public sealed class RoundPlanner(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, ILogger<RoundPlanner> logger)
{
    /// <summary>Plans [<paramref name="from"/>, <paramref name="to"/>); returns how many rounds were added.</summary>
    public async Task<int> PlanAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schedules = await db.RoundSchedules.AsNoTracking().Include(s => s.Template)
            .Where(s => s.IsActive && s.Template!.IsActive)
            .ToListAsync(cancellationToken);
        if (schedules.Count == 0)
        {
            return 0;
        }
        var windows = await db.Windows.AsNoTracking().Where(w => w.IsActive).Select(w => new { w.Id, w.FloorId }).ToListAsync(cancellationToken);
        var floors = await db.Floors.AsNoTracking().Select(f => f.Id).ToListAsync(cancellationToken);
        var areas = await db.Checkpoints.AsNoTracking().Where(c => c.IsActive && c.Kind == CheckpointKind.PublicArea)
            .Select(c => new { c.Id, c.FloorId }).ToListAsync(cancellationToken);
        // HY4: a window round counts for the window's A holder (the first post's, by post order).
        var holders = await db.PostHolders.AsNoTracking().Where(h => h.Role == Staffing.PostRole.A)
            .Select(h => new { h.Post!.WindowId, h.PostId, h.StaffMemberId }).ToListAsync(cancellationToken);
        var responsible = holders.GroupBy(h => h.WindowId).ToDictionary(g => g.Key, g => (int?)g.OrderBy(h => h.PostId).First().StaffMemberId);

        var wanted = new List<RoundInstance>();
        foreach (var schedule in schedules)
        {
            if (ScheduleRule.TryParse(schedule.Rule, out var error) is not { } rule)
            {
                logger.LogWarning("Round schedule {Id} ({Rule}) cannot be read: {Error}", schedule.Id, schedule.Rule, error);
                continue;
            }
            foreach (var at in rule.Occurrences(from, to, calendar))
            {
                var places = schedule.Scope switch
                {
                    RoundScope.EachWindow => windows.Select(w => (Subject: HallSubjects.Window(w.Id), WindowId: (int?)w.Id, FloorId: (int?)w.FloorId)),
                    RoundScope.SampleOfWindows => RoundRules.Sample(windows.Select(w => w.Id), schedule.SampleShare, schedule.Id, at)
                        .Select(id => (Subject: HallSubjects.Window(id), WindowId: (int?)id, FloorId: windows.First(w => w.Id == id).FloorId as int?)),
                    RoundScope.EachFloor => floors.Select(id => (Subject: HallSubjects.Floor(id), WindowId: (int?)null, FloorId: (int?)id)),
                    RoundScope.EachPublicArea => areas.Select(a => (Subject: HallSubjects.Area(a.Id), WindowId: (int?)null, FloorId: a.FloorId)),
                    _ => [(Subject: "hall", WindowId: null, FloorId: null)],
                };
                foreach (var place in places)
                {
                    var dueBy = at.AddMinutes(schedule.DueWithinMinutes);
                    wanted.Add(new RoundInstance
                    {
                        TemplateId = schedule.TemplateId,
                        ScheduleId = schedule.Id,
                        OccurrenceKey = Key(schedule.Id, place.Subject, at),
                        Kind = schedule.Template!.Kind,
                        Subject = place.Subject,
                        WindowId = place.WindowId,
                        FloorId = place.FloorId,
                        ResponsibleStaffId = place.WindowId is { } windowId ? responsible.GetValueOrDefault(windowId) : null,
                        DueFrom = at,
                        DueBy = dueBy,
                        MissedAt = dueBy.AddMinutes(schedule.MissedAfterMinutes),
                        AssigneeRole = schedule.AssigneeRole,
                        State = RoundState.Due,
                        NextCheckAt = dueBy,
                    });
                }
            }
        }
        if (wanted.Count == 0)
        {
            return 0;
        }

        var keys = wanted.Select(w => w.OccurrenceKey).ToList();
        var existing = (await db.Rounds.AsNoTracking().Where(r => r.DueFrom >= from && r.DueFrom < to).Select(r => r.OccurrenceKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        // A manager may have changed a schedule while this run computed (SE4: a changed rule replaces
        // the rounds nobody started): that schedule's rounds are planned by the change, never from
        // the rule this run read.
        var now = (await db.RoundSchedules.AsNoTracking().Where(s => s.IsActive)
                .Select(s => new { s.Id, s.Rule, s.Scope, s.SampleShare, s.AssigneeRole, s.DueWithinMinutes, s.MissedAfterMinutes })
                .ToListAsync(cancellationToken))
            .ToDictionary(s => s.Id);
        var unchanged = schedules.Where(s => now.TryGetValue(s.Id, out var c) && c.Rule == s.Rule && c.Scope == s.Scope
                && c.SampleShare == s.SampleShare && c.AssigneeRole == s.AssigneeRole
                && c.DueWithinMinutes == s.DueWithinMinutes && c.MissedAfterMinutes == s.MissedAfterMinutes)
            .Select(s => s.Id).ToHashSet();
        var added = wanted.Where(w => !existing.Contains(w.OccurrenceKey) && w.ScheduleId is { } scheduleId && unchanged.Contains(scheduleId)).ToList();
        if (added.Count == 0)
        {
            return 0;
        }
        db.Rounds.AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return added.Count;
        }
        catch (DbUpdateException)
        {
            // Another planner added some of them meanwhile: add the rest one by one.
            var count = 0;
            foreach (var round in added)
            {
                await using var one = await contexts.CreateDbContextAsync(cancellationToken);
                round.Id = 0;
                one.Rounds.Add(round);
                try
                {
                    await one.SaveChangesAsync(cancellationToken);
                    count++;
                }
                catch (DbUpdateException)
                {
                }
            }
            return count;
        }
    }

    public static string Key(int scheduleId, string subject, DateTimeOffset at) => $"s{scheduleId}|{subject}|{at.UtcTicks}";
}

/// <summary>
/// Watches the rounds like heartbeats (SE2, SE4, HY2): a round not done by its due-by line raises
/// one overdue alert; not done by its missed line it is missed, with one missed alert. A settled
/// round's overdue alert and closing reminder (<see cref="ShutdownRoutine"/>) are resolved. Reads only
/// the rounds whose line has passed (an index on <see cref="RoundInstance.NextCheckAt"/>); run
/// twice, it changes nothing twice (one open alert per kind and round).
/// </summary>
public sealed class RoundMonitor(IDbContextFactory<HallDbContext> contexts, TimeProvider time)
{
    private const int Batch = 500;

    /// <summary>Settles every round whose line has passed; returns how many rounds changed.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var changed = 0;
        for (var conflicts = 0; conflicts < 3;)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var due = await db.Rounds.Where(r => r.NextCheckAt != null && r.NextCheckAt <= now)
                .OrderBy(r => r.NextCheckAt).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }
            var subjects = due.Select(r => HallSubjects.Round(r.Id)).ToList();
            var open = await db.Alerts.Where(a => a.IsOpen && subjects.Contains(a.Subject)).ToListAsync(cancellationToken);
            foreach (var round in due)
            {
                var subject = HallSubjects.Round(round.Id);
                Alert? OpenOf(string kind) => open.FirstOrDefault(a => a.Kind == kind && a.Subject == subject);
                if (!round.IsOpen)
                {
                    round.NextCheckAt = null;
                    // Completed: its overdue alert and its closing reminder (SE4) have done their work.
                    foreach (var alert in open.Where(a => a.Subject == subject && a.Kind is AlertKinds.RoundOverdue or AlertKinds.RoundReminder))
                    {
                        AlertRules.Resolve(alert, now);
                    }
                    continue;
                }
                var state = RoundRules.OpenStateAt(now, round.MissedAt, round.StartedAt is not null);
                if (state == RoundState.Missed)
                {
                    round.State = RoundState.Missed;
                    if (OpenOf(AlertKinds.RoundOverdue) is { } overdue)
                    {
                        AlertRules.Resolve(overdue, now);
                    }
                    if (OpenOf(AlertKinds.RoundReminder) is { } reminder)
                    {
                        AlertRules.Resolve(reminder, now);
                    }
                    if (OpenOf(AlertKinds.RoundMissed) is null)
                    {
                        db.Alerts.Add(NewAlert(AlertKinds.RoundMissed, AlertSeverity.Critical, round, now));
                    }
                }
                else if (RoundRules.IsOverdue(now, round.DueBy, round.MissedAt) && OpenOf(AlertKinds.RoundOverdue) is null)
                {
                    db.Alerts.Add(NewAlert(AlertKinds.RoundOverdue, AlertSeverity.Warning, round, now));
                }
                round.NextCheckAt = RoundRules.NextCheck(now, round.DueBy, round.MissedAt);
                changed++;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second monitor raised the same alert first (the unique index refused ours): the
                // rounds are read again on the next pass, and find that alert open.
                conflicts++;
            }
        }
        await ResolveAcknowledgedMissedAsync(now, cancellationToken);
        return changed;
    }

    /// <summary>A missed round cannot be made good: its alert ends once someone has acknowledged it.</summary>
    private async Task ResolveAcknowledgedMissedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var acknowledged = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.RoundMissed && a.AcknowledgedAt != null).ToListAsync(cancellationToken);
        foreach (var alert in acknowledged)
        {
            AlertRules.Resolve(alert, now);
        }
        if (acknowledged.Count > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile (another monitor): the next run looks again.
            }
        }
    }

    private static Alert NewAlert(string kind, AlertSeverity severity, RoundInstance round, DateTimeOffset now) => new()
    {
        Kind = kind, Subject = HallSubjects.Round(round.Id), Severity = severity, WindowId = round.WindowId, RaisedAt = now,
    };
}
