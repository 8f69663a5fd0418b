using HallOps.Domain.Hall;

namespace HallOps.Web.Wall;

/// <summary>
/// How many hall events the wall's read model has seen per part of the wall. A part read at the same
/// counts (and, for parts the clock changes, in the same minute, quarter-hour or day) is not read
/// again: a presence change re-reads coverage, alerts and today's gap minutes, not the case panel, the
/// appointments or the window register.
/// </summary>
public readonly record struct WallVersions(long Structure, long Presence, long Cases, long Appointments, long Leave, long It, long Jobs, long Rounds);

/// <summary>Counts the hall events by the parts of the wall they can change (one per read model; thread-safe).</summary>
public sealed class WallChangeCounts
{
    private long _structure, _presence, _cases, _appointments, _leave, _it, _jobs, _rounds;

    public WallVersions Read() => new(
        Interlocked.Read(ref _structure), Interlocked.Read(ref _presence), Interlocked.Read(ref _cases),
        Interlocked.Read(ref _appointments), Interlocked.Read(ref _leave), Interlocked.Read(ref _it),
        Interlocked.Read(ref _jobs), Interlocked.Read(ref _rounds));

    /// <summary>Counts an event against every part its subject can change; an unknown subject changes none of the kept parts.</summary>
    public void Count(string subject)
    {
        if (subject == HallSubjects.Calendar)
        {
            // Working days and opening hours: everything counted by day.
            Interlocked.Increment(ref _structure);
            Interlocked.Increment(ref _cases);
            Interlocked.Increment(ref _appointments);
            Interlocked.Increment(ref _leave);
            Interlocked.Increment(ref _rounds);
            return;
        }
        if (Is(subject, HallSubjects.WindowPrefix) || Is(subject, HallSubjects.StaffPrefix))
        {
            // Window numbers and names, people's names: on cards, case lines and appointment lines.
            Interlocked.Increment(ref _structure);
            Interlocked.Increment(ref _cases);
            Interlocked.Increment(ref _appointments);
        }
        else if (Is(subject, HallSubjects.PostPrefix) || Is(subject, HallSubjects.HomeUnitPrefix) || Is(subject, HallSubjects.FloorPrefix))
        {
            Interlocked.Increment(ref _structure);
        }
        else if (Is(subject, HallSubjects.PresencePrefix))
        {
            Interlocked.Increment(ref _presence);
        }
        else if (Is(subject, HallSubjects.CasePrefix) || Is(subject, HallSubjects.MatterPrefix))
        {
            Interlocked.Increment(ref _cases);
        }
        else if (Is(subject, HallSubjects.AppointmentPrefix))
        {
            Interlocked.Increment(ref _appointments);
        }
        else if (Is(subject, HallSubjects.LeavePrefix))
        {
            Interlocked.Increment(ref _leave);
        }
        else if (Is(subject, HallSubjects.VirusIncidentPrefix))
        {
            Interlocked.Increment(ref _it);
        }
        else if (Is(subject, HallSubjects.JobsPrefix))
        {
            Interlocked.Increment(ref _jobs);
        }
        else if (Is(subject, HallSubjects.RoundPrefix))
        {
            Interlocked.Increment(ref _rounds);
        }
    }

    private static bool Is(string subject, string prefix) => subject.StartsWith(prefix, StringComparison.Ordinal);
}

/// <summary>A part of the wall kept with the key (change counts, clock bucket) it was read at.</summary>
internal sealed class WallSection<T>
{
    private sealed record Entry(string Key, T Value);

    private Entry? _entry;

    /// <summary>The kept part when <paramref name="key"/> is the one it was read at, else a new read (kept when a key is given).</summary>
    public async Task<T> GetAsync(string? key, Func<Task<T>> read)
    {
        if (key is not null && Volatile.Read(ref _entry) is { } kept && kept.Key == key)
        {
            return kept.Value;
        }
        var value = await read();
        if (key is not null)
        {
            Volatile.Write(ref _entry, new Entry(key, value));
        }
        return value;
    }
}
