using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Coverage;

/// <summary>Reads the presence history that decides a day's coverage (<see cref="CoverageDay"/>).</summary>
public static class CoverageHistory
{
    /// <summary>
    /// How far back a person's last change is looked for to know their state at the start of a day.
    /// Older than this, their current presence row still counts from its Since; for coverage, an
    /// older "away" and "signed off" are the same: not on post.
    /// </summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(31);

    /// <summary>
    /// Everyone's presence changes that decide the day: each person's last stored change before the
    /// day (their state at its start), the day's changes, and the presence row itself as the latest
    /// change (a row written without a history line — seeding, repairs — still counts from its Since).
    /// </summary>
    public static async Task<List<PresenceChange>> DayAsync(
        HallDbContext db, DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken cancellationToken = default)
    {
        var events = await BeforeDayAsync(db, dayStart, cancellationToken);
        events.AddRange((await EventsAsync(db, dayStart, dayEnd, cancellationToken)).Select(e => e.Change));
        var known = events.Select(e => (e.StaffMemberId, e.At)).ToHashSet();
        events.AddRange((await RowsAsync(db, dayEnd, cancellationToken)).Where(r => !known.Contains((r.StaffMemberId, r.At))));
        return events;
    }

    /// <summary>Each person's last stored change before the day (within <see cref="LookBack"/>): their state at its start.</summary>
    public static async Task<List<PresenceChange>> BeforeDayAsync(HallDbContext db, DateTimeOffset dayStart, CancellationToken cancellationToken = default)
    {
        var since = dayStart - LookBack;
        var lastBefore = await db.PresenceEvents.AsNoTracking()
            .Where(e => e.At >= since && e.At < dayStart)
            .GroupBy(e => e.StaffMemberId)
            .Select(g => g.Max(e => e.Id))
            .ToListAsync(cancellationToken);
        return await db.PresenceEvents.AsNoTracking()
            .Where(e => lastBefore.Contains(e.Id))
            .Select(e => new PresenceChange(e.StaffMemberId, e.At, e.State, e.HandoverToStaffId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The stored changes from <paramref name="from"/> (inclusive) to <paramref name="to"/>, each with its id.</summary>
    public static Task<List<StoredPresenceChange>> EventsAsync(
        HallDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        db.PresenceEvents.AsNoTracking()
            .Where(e => e.At >= from && e.At < to)
            .Select(e => new StoredPresenceChange(e.Id, new PresenceChange(e.StaffMemberId, e.At, e.State, e.HandoverToStaffId)))
            .ToListAsync(cancellationToken);

    /// <summary>Everyone's presence row as a change at its Since (rows from before <paramref name="dayEnd"/>).</summary>
    public static Task<List<PresenceChange>> RowsAsync(HallDbContext db, DateTimeOffset dayEnd, CancellationToken cancellationToken = default) =>
        db.Presences.AsNoTracking()
            .Where(p => p.Since < dayEnd)
            .Select(p => new PresenceChange(p.StaffMemberId, p.Since, p.State, p.HandoverToStaffId))
            .ToListAsync(cancellationToken);
}

/// <summary>A presence change with the id of its history line.</summary>
public sealed record StoredPresenceChange(long Id, PresenceChange Change);
