using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Network;

/// <summary>What a registered piece of equipment is (IT4).</summary>
public enum EquipmentKind
{
    Pc = 1,
    Printer = 2,
    Scanner = 3,
    Switch = 4,
    Server = 5,
    Other = 9,
}

public enum EquipmentStatus
{
    /// <summary>在用.</summary>
    InUse = 1,

    /// <summary>备用.</summary>
    Spare = 2,

    /// <summary>维修中.</summary>
    InRepair = 3,

    /// <summary>报废: kept in the register for its history, no longer checked.</summary>
    Retired = 4,
}

/// <summary>
/// 设备登记 (IT4): every PC, printer, scanner, switch and server — its asset number (unique, stored
/// upper-case so "pc-01" and "PC-01" are one number on every provider), where it is (a window or a
/// room such as the machine room), who holds it, and whether it holds important or classified files,
/// in which case a boot password is required and its holder confirms it each quarter (IT5).
/// </summary>
public class Equipment : IPublishesChanges
{
    public int Id { get; set; }

    /// <summary>资产编号, trimmed and upper-case.</summary>
    public required string AssetNumber { get; set; }

    public EquipmentKind Kind { get; set; }

    /// <summary>品牌型号.</summary>
    public string? Model { get; set; }

    /// <summary>The window it stands at, or none when it is in a room.</summary>
    public int? WindowId { get; set; }

    /// <summary>The room when not at a window: 机房, 办公室 …</summary>
    public string? Room { get; set; }

    /// <summary>The staff member who uses and answers for it (使用人).</summary>
    public int? HolderStaffId { get; set; }

    /// <summary>IT5: holds important or classified files, so a boot password is required.</summary>
    public bool HoldsImportantFiles { get; set; }

    /// <summary>IT5: the day the holder last confirmed the boot password is set (once a quarter).</summary>
    public DateOnly? BootPasswordConfirmedOn { get; set; }

    public string? BootPasswordConfirmedBy { get; set; }

    public EquipmentStatus Status { get; set; } = EquipmentStatus.InUse;

    /// <summary>IT6: the administrator's next maintenance of it.</summary>
    public DateOnly? NextMaintenanceOn { get; set; }

    /// <summary>Days between maintenances (0: none planned).</summary>
    public int MaintenanceIntervalDays { get; set; }

    public DateOnly? LastMaintainedOn { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public List<EquipmentEvent> History { get; set; } = [];

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Equipment(Id);
}

public enum EquipmentEventKind
{
    /// <summary>登记.</summary>
    Registered = 1,

    /// <summary>移机: another window, room or holder.</summary>
    Moved = 2,

    /// <summary>维修.</summary>
    Repaired = 3,

    /// <summary>Status changed (在用/备用/维修中/报废).</summary>
    StatusChanged = 4,

    /// <summary>IT5: the holder confirmed the boot password.</summary>
    BootPasswordConfirmed = 5,

    /// <summary>IT6: maintained by the administrator.</summary>
    Maintained = 6,
}

/// <summary>One line of an asset's history: registered, moved, repaired, maintained …</summary>
public class EquipmentEvent
{
    public long Id { get; set; }

    public int EquipmentId { get; set; }

    public EquipmentEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account that recorded it.</summary>
    public required string By { get; set; }

    /// <summary>Where or with whom it was before (a move), as text.</summary>
    public string? From { get; set; }

    /// <summary>Where or with whom it is now (a move), as text.</summary>
    public string? To { get; set; }

    public string? Note { get; set; }
}

public enum VirusIncidentStatus
{
    /// <summary>Waiting for the network administrator (an uncleaned virus, IT2).</summary>
    Open = 1,

    /// <summary>Fixed; the administrator's note says how.</summary>
    Fixed = 2,

    /// <summary>Cleaned by the reporter on the spot: logged, nothing for the administrator to do.</summary>
    CleanedOnSpot = 3,
}

/// <summary>
/// 病毒事件 (IT2): a virus found on a window's machine. What the antivirus cleaned is logged; what it
/// could not goes to the network administrator's queue at once (an alert), and an incident open
/// longer than one working day escalates to the manager. A positive external-media scan (IT3)
/// opens one automatically.
/// </summary>
public class VirusIncident : IPublishesChanges
{
    public long Id { get; set; }

    /// <summary>"BD20261126-001".</summary>
    public required string Number { get; set; }

    public int? EquipmentId { get; set; }

    /// <summary>The asset number as reported.</summary>
    public string? AssetNumber { get; set; }

    /// <summary>Reported on an asset the reporter does not hold: allowed, but flagged for the administrator.</summary>
    public bool NotReportersAsset { get; set; }

    public int? WindowId { get; set; }

    public int? ReporterStaffId { get; set; }

    /// <summary>The reporter's name.</summary>
    public required string ReportedBy { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>What happened: what the antivirus said, what the machine did.</summary>
    public required string Description { get; set; }

    public string? VirusName { get; set; }

    public VirusIncidentStatus Status { get; set; } = VirusIncidentStatus.Open;

    /// <summary>The media scan that found it (IT3), when it came from one.</summary>
    public long? MediaScanId { get; set; }

    public DateTimeOffset? FixedAt { get; set; }

    public string? FixedBy { get; set; }

    /// <summary>What the administrator did (re-installed, isolated, cleaned with …).</summary>
    public string? FixNote { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.VirusIncident(Id);
}

public enum MediaKind
{
    /// <summary>U盘.</summary>
    UsbDisk = 1,

    /// <summary>光盘.</summary>
    Disc = 2,

    /// <summary>移动硬盘.</summary>
    PortableDrive = 3,

    /// <summary>存储卡 and the like.</summary>
    Other = 9,
}

public enum MediaScanResult
{
    /// <summary>无毒.</summary>
    Clean = 1,

    /// <summary>发现病毒，已清除: logged as an incident cleaned on the spot.</summary>
    VirusCleaned = 2,

    /// <summary>发现病毒，未能清除: an open incident for the administrator; the medium is not used.</summary>
    VirusNotCleaned = 3,
}

/// <summary>
/// 外来介质查毒登记 (IT3): before a USB disk, disc or drive from outside is used, it is scanned with
/// current licensed antivirus and logged — the medium, its owner and unit, why it is used, the
/// antivirus and its signature date (no older than the setting, 7 days), and the result. A positive
/// result opens a virus incident.
/// </summary>
public class MediaScan : IPublishesChanges
{
    public long Id { get; set; }

    public MediaKind Medium { get; set; }

    /// <summary>Whose medium it is.</summary>
    public required string Owner { get; set; }

    public string? OwnerUnit { get; set; }

    public required string Purpose { get; set; }

    /// <summary>The antivirus product used.</summary>
    public required string Antivirus { get; set; }

    /// <summary>The date of its virus signatures (病毒库日期).</summary>
    public DateOnly SignatureDate { get; set; }

    public MediaScanResult Result { get; set; }

    public string? VirusName { get; set; }

    /// <summary>The machine it was scanned on.</summary>
    public int? EquipmentId { get; set; }

    public int? WindowId { get; set; }

    public int? StaffId { get; set; }

    /// <summary>The name of who scanned it.</summary>
    public required string ScannedBy { get; set; }

    public DateTimeOffset ScannedAt { get; set; }

    /// <summary>The incident a positive result opened.</summary>
    public long? IncidentId { get; set; }

    public string? Note { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.MediaScan(Id);
}

/// <summary>
/// 机房出入登记 (IT6): who entered the machine room, when, why, and which administrator went with
/// them. Administrators enter on their own; anyone else needs a recorded approval.
/// </summary>
public class MachineRoomEntry : IPublishesChanges
{
    public long Id { get; set; }

    /// <summary>The name of who entered.</summary>
    public required string Person { get; set; }

    /// <summary>Their unit or company (a maintenance engineer's firm …).</summary>
    public string? Unit { get; set; }

    /// <summary>The person is one of the hall's network administrators.</summary>
    public bool IsAdministrator { get; set; }

    public int? StaffId { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    public required string Purpose { get; set; }

    /// <summary>The administrator who accompanied a non-administrator.</summary>
    public string? AccompaniedBy { get; set; }

    /// <summary>Who approved a non-administrator's entry (IT6).</summary>
    public string? ApprovedBy { get; set; }

    /// <summary>The account that recorded the entry.</summary>
    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.MachineRoomEntry(Id);
}
