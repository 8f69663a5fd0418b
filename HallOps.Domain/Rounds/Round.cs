using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Rounds;

/// <summary>The routines the engine runs, each from its regulation.</summary>
public enum RoundKind
{
    /// <summary>SE4, SE5, IT7: a window's self-check at closing (人走电断).</summary>
    ShutdownCheck = 1,

    /// <summary>SE2.2: the guards' after-hours check of every floor.</summary>
    EveningRound = 2,

    /// <summary>SE2.3: an irregular patrol.</summary>
    Patrol = 3,

    /// <summary>HY2: a window's pre-work hygiene self-check.</summary>
    HygieneSelfCheck = 4,

    /// <summary>HY3, HY4: a scored hygiene inspection.</summary>
    HygieneInspection = 5,

    /// <summary>SE2.4: fire equipment inspection.</summary>
    FireEquipment = 6,

    /// <summary>IT6: the machine room's upkeep.</summary>
    MachineRoomUpkeep = 7,
}

/// <summary>Where a round is done.</summary>
public enum RoundArea
{
    Window = 1,
    Floor = 2,
    PublicArea = 3,
    MachineRoom = 4,
}

/// <summary>
/// A checklist template: what a round checks, in order. Items are pass / fail / not applicable,
/// with a note, and a photo when the item says a fail needs one.
/// </summary>
public class RoundTemplate : IPublishesChanges
{
    public int Id { get; set; }

    /// <summary>Unique, stable: "shutdown-window", "evening-floor" …</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public RoundKind Kind { get; set; }

    public RoundArea Area { get; set; }

    public List<RoundTemplateItem> Items { get; set; } = [];

    public bool IsActive { get; set; } = true;

    string IPublishesChanges.EventSubject => HallSubjects.RoundTemplate(Id);
}

public class RoundTemplateItem
{
    public int Id { get; set; }

    public int TemplateId { get; set; }

    /// <summary>1-based position on the checklist.</summary>
    public int Order { get; set; }

    public required string Text { get; set; }

    /// <summary>A fail must carry a photo (evidence for the exception).</summary>
    public bool PhotoOnFail { get; set; }

    /// <summary>A fail must say what is wrong.</summary>
    public bool NoteOnFail { get; set; } = true;

    /// <summary>
    /// The regulation the item checks ("IT1", "IT5" …) when it is not the template's own: an IT item
    /// on the hygiene inspection counts its failures as computer/network findings in the assessment.
    /// </summary>
    public string? Regulation { get; set; }
}

/// <summary>What a schedule's occurrences are made for.</summary>
public enum RoundScope
{
    /// <summary>One instance per occurrence (the hall, the machine room, a patrol).</summary>
    Single = 1,

    /// <summary>One per active window.</summary>
    EachWindow = 2,

    /// <summary>One per floor.</summary>
    EachFloor = 3,

    /// <summary>A random share of the active windows (<see cref="RoundScheduleEntry.SampleShare"/>), drawn per occurrence.</summary>
    SampleOfWindows = 4,

    /// <summary>One per active public-area checkpoint (HY3: "all public areas").</summary>
    EachPublicArea = 5,
}

/// <summary>
/// When a template's rounds are due (<see cref="ScheduleRule"/> text), for what, by whom, and how
/// long each may take before it is late and then missed.
/// </summary>
public class RoundScheduleEntry : IPublishesChanges
{
    public int Id { get; set; }

    public int TemplateId { get; set; }
    public RoundTemplate? Template { get; set; }

    /// <summary>The rule's text: "workdays at closing", "daily at 21:00, 23:30" …</summary>
    public required string Rule { get; set; }

    public RoundScope Scope { get; set; } = RoundScope.Single;

    /// <summary>For <see cref="RoundScope.SampleOfWindows"/>: the share of windows drawn, e.g. 0.34.</summary>
    public double SampleShare { get; set; }

    /// <summary>The role that does it (Staff, Guard, Manager …) when no person is named.</summary>
    public required string AssigneeRole { get; set; }

    /// <summary>Minutes after the due-from time by which it must be done; after that it is late.</summary>
    public int DueWithinMinutes { get; set; } = 30;

    /// <summary>Minutes after the due-by time at which an unfinished round counts as missed.</summary>
    public int MissedAfterMinutes { get; set; } = 60;

    public bool IsActive { get; set; } = true;

    string IPublishesChanges.EventSubject => HallSubjects.RoundTemplate(TemplateId);
}

/// <summary>Due → in progress → done; late when done after its due-by time; missed when not done by the missed line.</summary>
public enum RoundState
{
    Due = 0,
    InProgress = 1,
    Done = 2,
    Late = 3,
    Missed = 4,
}

/// <summary>
/// One round to do: a template's checklist at one place in one time window. Created once per
/// occurrence and place (<see cref="OccurrenceKey"/> is unique), so a scheduler run twice creates
/// nothing twice. The state changes when someone works on it, or — like a heartbeat that did not
/// arrive — when the monitor finds <see cref="NextCheckAt"/> passed (an index: only due rows are read).
/// </summary>
public class RoundInstance : IPublishesChanges
{
    public long Id { get; set; }

    public int TemplateId { get; set; }
    public RoundTemplate? Template { get; set; }

    public int? ScheduleId { get; set; }

    /// <summary>"schedule:3|window:7|2026-11-26T09:00:00Z": unique.</summary>
    public required string OccurrenceKey { get; set; }

    public RoundKind Kind { get; set; }

    /// <summary>The place: "window:7", "floor:2", "area:lobby".</summary>
    public required string Subject { get; set; }

    public int? WindowId { get; set; }

    public int? FloorId { get; set; }

    public DateTimeOffset DueFrom { get; set; }

    public DateTimeOffset DueBy { get; set; }

    public DateTimeOffset MissedAt { get; set; }

    public required string AssigneeRole { get; set; }

    public int? AssigneeStaffId { get; set; }

    public RoundState State { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public string? StartedBy { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>Why it was completed outside its time window, when it was.</summary>
    public string? OutOfWindowReason { get; set; }

    /// <summary>0–100: passed items among the applicable ones.</summary>
    public int? Score { get; set; }

    /// <summary>When the reminder was sent (SE4: closing + 10 minutes, once).</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>When an unfinished shutdown check was handed to the guards' evening round to verify.</summary>
    public DateTimeOffset? HandedToGuardAt { get; set; }

    /// <summary>The guard's verification of a window's shutdown (SE2.2): when, by whom, the result.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    public string? VerifiedBy { get; set; }

    public CheckResult? VerifyResult { get; set; }

    public string? VerifyNote { get; set; }

    /// <summary>When the place's QR label was scanned on this round: proof the guard stood there.</summary>
    public DateTimeOffset? CheckpointScannedAt { get; set; }

    /// <summary>Why the place was entered by hand instead of by its label.</summary>
    public string? ManualEntryReason { get; set; }

    /// <summary>
    /// The person a window round's result counts for: the window's A holder when it was planned
    /// (HY4: scores per staff member per month).
    /// </summary>
    public int? ResponsibleStaffId { get; set; }

    /// <summary>When the monitor must look at it next (due-by, then missed); null once settled.</summary>
    public DateTimeOffset? NextCheckAt { get; set; }

    public List<RoundCheck> Checks { get; set; } = [];

    public int Version { get; set; }

    public bool IsOpen => State is RoundState.Due or RoundState.InProgress;

    string IPublishesChanges.EventSubject => HallSubjects.Round(Id);
}

public enum CheckResult
{
    Pass = 1,
    Fail = 2,
    NotApplicable = 3,
}

/// <summary>One checklist item's result in a round, with the item's text as it was.</summary>
public class RoundCheck
{
    public long Id { get; set; }

    public long InstanceId { get; set; }

    public int Order { get; set; }

    public required string Text { get; set; }

    public CheckResult Result { get; set; }

    public string? Note { get; set; }

    /// <summary>The stored photo's file name (outside the database), when one was taken.</summary>
    public string? Photo { get; set; }

    public DateTimeOffset CheckedAt { get; set; }

    public required string CheckedBy { get; set; }
}
