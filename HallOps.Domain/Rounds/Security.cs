using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Rounds;

/// <summary>What kind of place a checkpoint marks.</summary>
public enum CheckpointKind
{
    /// <summary>A floor of the hall: the evening round's stop (SE2.2).</summary>
    Floor = 1,

    /// <summary>A public area: lobby, waiting area, toilets, stairs (HY3, SE2.3).</summary>
    PublicArea = 2,

    /// <summary>The machine room (IT6).</summary>
    MachineRoom = 3,
}

/// <summary>
/// A place a guard must stand at, with a printed QR label whose link carries <see cref="Token"/>: a
/// random code known only to this hall's database, so a label from another hall or a made-up id
/// opens nothing (SE2.2, SE2.3). Public areas are also the places hygiene inspections visit (HY3).
/// </summary>
public class Checkpoint : IPublishesChanges
{
    public int Id { get; set; }

    public CheckpointKind Kind { get; set; }

    public required string Name { get; set; }

    public int? FloorId { get; set; }

    /// <summary>The label's code: 24 random URL-safe characters, unique.</summary>
    public required string Token { get; set; }

    public bool IsActive { get; set; } = true;

    string IPublishesChanges.EventSubject => HallSubjects.Checkpoint(Id);
}

/// <summary>
/// A guard's duty shift (SE2.1, SE2.2): who is on duty from when, and the note the previous guard
/// handed over. One open shift at a time; taking over ends the previous one.
/// </summary>
public class GuardShift : IPublishesChanges
{
    public long Id { get; set; }

    public required string GuardUserId { get; set; }

    public required string GuardName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>What the guard going off duty tells the next one (交班记录).</summary>
    public string? HandoverNote { get; set; }

    /// <summary>The shift this one took over from, when there was one.</summary>
    public long? PreviousShiftId { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.GuardShift(Id);
}

/// <summary>
/// Something found wrong on a round (SE2.2, SE4): a window left powered, a door unlocked. It alerts
/// the manager at once; a window's exception is shown to that window's staff the next working
/// morning, who must acknowledge it; the manager closes it.
/// </summary>
public class RoundException : IPublishesChanges
{
    public long Id { get; set; }

    /// <summary>The round it was found on.</summary>
    public long RoundId { get; set; }

    /// <summary>The window it concerns (a window's shutdown verified as failed), if any.</summary>
    public int? WindowId { get; set; }

    public int? FloorId { get; set; }

    /// <summary>The checklist item as it read, or the window's shutdown check.</summary>
    public required string Item { get; set; }

    public required string Note { get; set; }

    /// <summary>The stored photo's name, when one was taken.</summary>
    public string? Photo { get; set; }

    public DateTimeOffset FoundAt { get; set; }

    public required string FoundBy { get; set; }

    /// <summary>The window's staff have read it (next morning).</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public string? AckNote { get; set; }

    /// <summary>The manager closed it: put right or explained.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public string? CloseNote { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.RoundExceptionSubject(Id);
}

/// <summary>
/// A failed hygiene inspection item to put right by a date (HY4 整改): raised by the inspector,
/// reported done by the window's staff, confirmed by the inspector or manager.
/// </summary>
public class Rectification : IPublishesChanges
{
    public long Id { get; set; }

    public long RoundId { get; set; }

    public int? WindowId { get; set; }

    /// <summary>The public area's checkpoint, when the inspection was of one.</summary>
    public int? CheckpointId { get; set; }

    public required string Item { get; set; }

    public required string Note { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public required string RaisedBy { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? DoneBy { get; set; }

    public string? DoneNote { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Rectification(Id);
}

public enum FireEquipmentKind
{
    Extinguisher = 1,
    Hydrant = 2,
    SmokeDetector = 3,
    EmergencyLight = 4,
    Sprinkler = 5,
}

/// <summary>A piece of fire equipment and when it is next to be inspected (SE2.4).</summary>
public class FireEquipment : IPublishesChanges
{
    public int Id { get; set; }

    /// <summary>The number on its tag: unique.</summary>
    public required string Code { get; set; }

    public FireEquipmentKind Kind { get; set; }

    public required string Location { get; set; }

    public int? FloorId { get; set; }

    public DateOnly NextInspectionOn { get; set; }

    /// <summary>Days between inspections (30 for extinguishers' monthly check).</summary>
    public int IntervalDays { get; set; } = 30;

    public DateTimeOffset? LastInspectedAt { get; set; }

    public string? LastInspectedBy { get; set; }

    public string? LastNote { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.FireEquipment(Id);
}

/// <summary>Goods taken out of the hall (SE6 物品出门登记): what, how many, by whom, approved by whom, checked by the guard.</summary>
public class GoodsOutEntry : IPublishesChanges
{
    public long Id { get; set; }

    public required string Item { get; set; }

    public int Quantity { get; set; }

    public required string TakenBy { get; set; }

    public string? TakenByUnit { get; set; }

    public required string ApprovedBy { get; set; }

    public DateTimeOffset TakenOutAt { get; set; }

    /// <summary>The guard who checked the goods at the door.</summary>
    public required string CheckedBy { get; set; }

    public DateOnly? ExpectedReturnOn { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public string? ReturnCheckedBy { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.GoodsOut(Id);
}

public enum HazardKind
{
    /// <summary>A danger found (隐患): loose wiring, a blocked exit.</summary>
    Hazard = 1,

    /// <summary>Something that happened (突发事件): a fight, a theft, a fire.</summary>
    Incident = 2,
}

/// <summary>A hazard or incident reported from the guard's phone (SE7): the manager is alerted at once.</summary>
public class HazardReport : IPublishesChanges
{
    public long Id { get; set; }

    public HazardKind Kind { get; set; }

    public int? FloorId { get; set; }

    public required string Location { get; set; }

    public required string Description { get; set; }

    public string? Photo { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public required string ReportedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public string? CloseNote { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Hazard(Id);
}

/// <summary>The random codes printed on checkpoint labels.</summary>
public static class CheckpointTokens
{
    /// <summary>18 random bytes as 24 URL-safe characters: not guessable, not shared with any other hall.</summary>
    public static string New() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
