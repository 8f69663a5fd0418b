using HallOps.Domain.Rounds;

namespace HallOps.Web.Wall;

/// <summary>A window's shutdown for the night (SE4, SE5, IT7, verified on the guards' round SE2.2).</summary>
public enum ShutdownState
{
    /// <summary>No shutdown check that day (the hall did not open, or the window is out of service): 无需检查.</summary>
    NoCheck = 0,

    /// <summary>Not done yet, still in its time: 待自查.</summary>
    Pending = 1,

    /// <summary>Not done by its due-by time: handed to the guard's round to verify: 待核查.</summary>
    AwaitingGuard = 2,

    /// <summary>The window's staff did it, nothing failed: 已自查.</summary>
    SelfChecked = 3,

    /// <summary>The guard verified it, passed: 已核查.</summary>
    Verified = 4,

    /// <summary>The guard's verification failed, or an exception was found at the window that night: 异常.</summary>
    Exception = 5,
}

/// <summary>
/// One window's card in evening mode. Value equality (no lists): a card re-renders only when
/// something on it changes. <see cref="By"/> and <see cref="At"/> say who did what when: the clerk
/// who self-checked, the guard who verified or found the exception; for a check not yet done, the
/// time it is due by (pending) or was handed to the guard.
/// </summary>
public sealed record EveningWindowCard(
    int Id,
    int Number,
    string Name,
    ShutdownState State,
    string? By,
    DateTimeOffset? At,
    string? Note);

/// <summary>Where one of the night's evening rounds of a floor stands (SE2.2).</summary>
public enum EveningRoundState
{
    /// <summary>Its time has not come: 未开始.</summary>
    Upcoming = 0,

    /// <summary>Due now, not started: 待巡查.</summary>
    Due = 1,

    InProgress = 2,

    /// <summary>Past its due-by time, not started: 已超时.</summary>
    Overdue = 3,

    Done = 4,

    /// <summary>Done after its due-by time.</summary>
    Late = 5,

    /// <summary>Not done by its missed line: 漏巡.</summary>
    Missed = 6,
}

/// <summary>One evening round of a floor: its time, state, who did it, items answered, failed items, when its checkpoint label was scanned.</summary>
public sealed record EveningRoundLine(
    long Id,
    DateTimeOffset DueFrom,
    EveningRoundState State,
    string? By,
    int Answered,
    int Items,
    int Failed,
    DateTimeOffset? CheckpointScannedAt);

/// <summary>
/// A floor's evening progress: the night's rounds in order, and its windows verified by the guard
/// among those handed to the guard (SE2.2, SE4).
/// </summary>
public sealed record EveningFloor(int FloorId, IReadOnlyList<EveningRoundLine> Rounds, int WindowsVerified, int WindowsToVerify)
{
    public bool Equals(EveningFloor? other) =>
        other is not null && FloorId == other.FloorId && WindowsVerified == other.WindowsVerified
        && WindowsToVerify == other.WindowsToVerify && Rounds.SequenceEqual(other.Rounds);

    public override int GetHashCode() => HashCode.Combine(FloorId, WindowsVerified, WindowsToVerify, Rounds.Count);
}

/// <summary>The guard on duty (SE2.1): the open shift's guard and since when.</summary>
public sealed record EveningGuard(string Name, DateTimeOffset Since);

/// <summary>An open exception found on a round (SE2.2, SE4): where, what, who found it, when.</summary>
public sealed record EveningException(
    long Id,
    int? WindowNumber,
    string? WindowName,
    string? FloorName,
    string Item,
    string Note,
    string FoundBy,
    DateTimeOffset FoundAt);

/// <summary>An open hazard or incident report (SE7).</summary>
public sealed record EveningHazard(long Id, HazardKind Kind, string Location, string Description, string ReportedBy, DateTimeOffset ReportedAt);

/// <summary>The night's windows by shutdown state (the evening footer).</summary>
public sealed record ShutdownCounts(int SelfChecked, int Pending, int AwaitingGuard, int Verified, int Exceptions, int NoCheck);

/// <summary>
/// What the wall shows in evening mode, read only then (a day-mode snapshot carries none of it):
/// per window its shutdown state for the night, per floor the night's rounds, the guard on duty,
/// the open exceptions of the last 24 hours and the open hazard reports.
/// </summary>
public sealed record EveningBoard(
    DateOnly Night,
    IReadOnlyDictionary<int, EveningWindowCard> Windows,
    IReadOnlyList<EveningFloor> Floors,
    EveningGuard? Guard,
    IReadOnlyList<EveningException> Exceptions,
    int ExceptionTotal,
    IReadOnlyList<EveningHazard> Hazards,
    int HazardTotal,
    ShutdownCounts Counts)
{
    /// <summary>
    /// Whether the page must re-render to show <paramref name="next"/>: the window cards, each
    /// floor's rounds and the footer's counts re-render by themselves.
    /// </summary>
    public bool PageDiffers(EveningBoard next) =>
        Night != next.Night || Guard != next.Guard
        || ExceptionTotal != next.ExceptionTotal || HazardTotal != next.HazardTotal
        || Floors.Count != next.Floors.Count || Floors.Zip(next.Floors).Any(f => f.First.FloorId != f.Second.FloorId)
        || !Exceptions.SequenceEqual(next.Exceptions) || !Hazards.SequenceEqual(next.Hazards);

    public EveningFloor? FloorOf(int floorId) => Floors.FirstOrDefault(f => f.FloorId == floorId);
}

/// <summary>A window whose pre-work hygiene self-check (HY2) is not done today; missed once the hall has opened.</summary>
public sealed record WallHygieneWindow(int Number, bool Missed);
