using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Domain.Jobs;

namespace HallOps.Web.Wall;

/// <summary>
/// One window's card on the wall screen. Value equality (strings, not lists): a card re-renders
/// only when something on it changes.
/// </summary>
public sealed record WallWindowCard(
    int Id,
    int Number,
    string Name,
    int FloorId,
    string HomeUnit,
    bool IsActive,
    string? AHolder,
    string? AEmployeeNo,
    string BHolders,
    bool MissingBackup,
    CoverageState State,
    string? CoveringName,
    string? CoveringEmployeeNo,
    WallCardAlert? Alert);

/// <summary>The window's open gap alert: unacknowledged pulses; acknowledged names who did it.</summary>
public sealed record WallCardAlert(bool Acknowledged, string? AcknowledgedBy, bool Escalated);

public sealed record WallFloor(int Id, int Level, string Name, IReadOnlyList<int> WindowIds);

public sealed record WallJobs(JobsState State, DateTimeOffset? LastBeat);

/// <summary>One line of the wall's alert column.</summary>
public sealed record WallAlert(
    long Id,
    string Kind,
    AlertSeverity Severity,
    int? WindowNumber,
    string? WindowName,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    bool Escalated);

/// <summary>The footer's figures for today.</summary>
public sealed record WallCounts(int Open, int Total, int CoveredByB, int Gaps, int GapMinutesToday, int ConfigGaps, int PredictedGapsNextDay, int OpenAlerts);

public sealed record WallSnapshot(
    IReadOnlyList<WallFloor> Floors,
    IReadOnlyDictionary<int, WallWindowCard> Cards,
    WallJobs Jobs,
    IReadOnlyList<WallAlert> Alerts,
    WallCounts Counts,
    bool Open,
    int Columns)
{
    /// <summary>Numbers of the windows predicted to have a gap on the next working day (from planned leave).</summary>
    public IReadOnlyList<int> PredictedGapWindows { get; init; } = [];

    /// <summary>Whether the page itself (not only cards) must re-render to show <paramref name="next"/>.</summary>
    public bool PageDiffers(WallSnapshot next) =>
        Jobs != next.Jobs || Counts != next.Counts || !PredictedGapWindows.SequenceEqual(next.PredictedGapWindows) || Open != next.Open || Columns != next.Columns
        || !Alerts.SequenceEqual(next.Alerts)
        || Floors.Count != next.Floors.Count
        || Floors.Zip(next.Floors).Any(f => f.First.Id != f.Second.Id || f.First.Name != f.Second.Name || !f.First.WindowIds.SequenceEqual(f.Second.WindowIds));
}
