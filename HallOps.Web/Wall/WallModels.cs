using HallOps.Domain.Alerts;
using HallOps.Domain.Cases;
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
    bool Escalated)
{
    /// <summary>The case number of a case alert (TL5), shown instead of the window's name.</summary>
    public string? CaseNumber { get; init; }

    /// <summary>Where an alert without a window is (a floor's round or exception, a hazard's location; SE2.2, SE7).</summary>
    public string? Place { get; init; }
}

/// <summary>
/// One line of the red/yellow case panel (TL5): the applicant masked (张*明), the handler by name
/// (SC2.5); the time left or overdue by ticks in the page script from <see cref="DueAt"/>.
/// </summary>
public sealed record WallCase(
    long Id,
    string Number,
    CaseLight Light,
    string Matter,
    int? WindowNumber,
    string Applicant,
    DateTimeOffset? DueAt,
    string? Handler);

/// <summary>The case figures: today's intake and completions, the lights now, this month's on-time completions.</summary>
public sealed record WallCaseCounts(int AcceptedToday, int CompletedToday, int DueSoon, int Overdue, int CompletedThisMonth, int OnTimeThisMonth)
{
    public static WallCaseCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Completed on time / completed this month; null before the first completion of the month.</summary>
    public double? OnTimeRate => CompletedThisMonth == 0 ? null : (double)OnTimeThisMonth / CompletedThisMonth;
}

/// <summary>The footer's figures for today (in evening mode the gap minutes and predicted gaps are not read: 0).</summary>
/// <summary>An after-hours appointment on the wall (AP4): when, which window and matter, who serves, whether they are in.</summary>
public sealed record WallAppointment(long Id, DateTimeOffset SlotStart, int WindowNumber, string MatterName, string? ServingStaffName, bool Accepted, bool CheckedIn);

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

    /// <summary>The red then yellow cases shown on the panel (red first, then by due time), at most a screenful.</summary>
    public IReadOnlyList<WallCase> Cases { get; init; } = [];

    public WallCaseCounts CaseCounts { get; init; } = WallCaseCounts.None;

    /// <summary>What the wall shows now: the day's windows, or the evening's shutdown checks and rounds.</summary>
    public WallMode Mode { get; init; } = WallMode.Day;

    /// <summary>
    /// When this snapshot goes out of date by the clock alone (the mode changes at closing, a
    /// round's due-by time passes …): the read model reads again then, without any saved change.
    /// </summary>
    public DateTimeOffset? NextChangeAt { get; init; }

    /// <summary>Before opening and by day: the windows whose pre-work self-check is not done (HY2), by number.</summary>
    public IReadOnlyList<WallHygieneWindow> HygieneDue { get; init; } = [];

    /// <summary>AP4: the coming week's after-hours appointments (tonight, the evenings, the weekend) (requested or accepted), soonest first; no requester data.</summary>
    public IReadOnlyList<WallAppointment> Appointments { get; init; } = [];

    /// <summary>IT2: how many virus incidents wait for the network administrator — a count only, no details on the wall.</summary>
    public int OpenItIncidents { get; init; }

    /// <summary>The evening board: read only in <see cref="WallMode.Evening"/>, null otherwise.</summary>
    public EveningBoard? Evening { get; init; }

    /// <summary>
    /// Whether the page itself must re-render to show <paramref name="next"/>: its layout changed (the
    /// mode, the floors and their windows, the columns, a side part coming or going, the evening's
    /// rounds and exceptions). Everything else — cards, alerts, cases, footer, status — the parts show
    /// by themselves.
    /// </summary>
    public bool LayoutDiffers(WallSnapshot next) =>
        Mode != next.Mode || Columns != next.Columns
        || (Cards.Count > 36) != (next.Cards.Count > 36)
        || (HygieneDue.Count > 0) != (next.HygieneDue.Count > 0)
        || (Appointments.Count > 0) != (next.Appointments.Count > 0)
        || (Evening is { } evening && next.Evening is { } nextEvening ? evening.PageDiffers(nextEvening) : (Evening is null) != (next.Evening is null))
        || !SameFloors(Floors, next.Floors);

    /// <summary>The same floors with the same windows, in order (by index: every screen asks on every hall event).</summary>
    private static bool SameFloors(IReadOnlyList<WallFloor> floors, IReadOnlyList<WallFloor> next)
    {
        if (floors.Count != next.Count)
        {
            return false;
        }
        for (var i = 0; i < floors.Count; i++)
        {
            var (a, b) = (floors[i], next[i]);
            if (a.Id != b.Id || a.Name != b.Name || a.WindowIds.Count != b.WindowIds.Count)
            {
                return false;
            }
            for (var w = 0; w < a.WindowIds.Count; w++)
            {
                if (a.WindowIds[w] != b.WindowIds[w])
                {
                    return false;
                }
            }
        }
        return true;
    }
}
