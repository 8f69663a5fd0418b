using System.Linq.Expressions;
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

    /// <summary>A history line as the replay takes it, with its id.</summary>
    private static readonly Expression<Func<PresenceEvent, StoredPresenceChange>> Stored =
        e => new StoredPresenceChange(e.Id, new PresenceChange(e.StaffMemberId, e.At, e.State, e.HandoverToStaffId));

    /// <summary>The stored changes from <paramref name="from"/> (inclusive) to <paramref name="to"/>, each with its id.</summary>
    public static Task<List<StoredPresenceChange>> EventsAsync(
        HallDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        db.PresenceEvents.AsNoTracking()
            .Where(e => e.At >= from && e.At < to)
            .Select(Stored)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The stored changes stamped from <paramref name="from"/> to <paramref name="to"/>, and those with an
    /// id above <paramref name="afterId"/> stamped from <paramref name="dayStart"/> to <paramref name="to"/>:
    /// a change stamped long before it was stored (a write that waited for the database) still has a newer
    /// id on SQLite, where writes take turns; on servers that hand out ids at the insert, not the commit,
    /// it does unless a later insert committed first, and the stamp's window is the net. Both halves are
    /// index ranges (the stamp's index, the id's).
    /// </summary>
    public static async Task<List<StoredPresenceChange>> EventsSinceAsync(
        HallDbContext db, DateTimeOffset dayStart, DateTimeOffset from, long afterId, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var events = await db.PresenceEvents.AsNoTracking()
            .Where(e => (e.At >= from && e.At < to) || e.Id > afterId)
            .Select(Stored)
            .ToListAsync(cancellationToken);
        events.RemoveAll(e => e.Change.At < dayStart || e.Change.At >= to);
        return events;
    }

    /// <summary>The newest history line's id (0 when there is none).</summary>
    public static async Task<long> LastEventIdAsync(HallDbContext db, CancellationToken cancellationToken = default) =>
        await db.PresenceEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;

    /// <summary>Everyone's presence row as a change at its Since (rows from before <paramref name="dayEnd"/>).</summary>
    public static Task<List<PresenceChange>> RowsAsync(HallDbContext db, DateTimeOffset dayEnd, CancellationToken cancellationToken = default) =>
        db.Presences.AsNoTracking()
            .Where(p => p.Since < dayEnd)
            .Select(p => new PresenceChange(p.StaffMemberId, p.Since, p.State, p.HandoverToStaffId))
            .ToListAsync(cancellationToken);
}

/// <summary>A presence change with the id of its history line.</summary>
public sealed record StoredPresenceChange(long Id, PresenceChange Change);
