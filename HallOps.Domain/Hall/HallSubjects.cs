namespace HallOps.Domain.Hall;

/// <summary>Subject keys of hall events: "window:12". One place, so publishers and subscribers agree.</summary>
public static class HallSubjects
{
    public const string WindowPrefix = "window:";
    public const string PostPrefix = "post:";
    public const string StaffPrefix = "staff:";
    public const string HomeUnitPrefix = "unit:";
    public const string FloorPrefix = "floor:";
    public const string PresencePrefix = "presence:";
    public const string AlertPrefix = "alert:";

    /// <summary>Planned leave (请假) of a person: "leave:{staffId}".</summary>
    public const string LeavePrefix = "leave:";
    public const string JobsPrefix = "jobs:";
    public const string MatterPrefix = "matter:";
    public const string CasePrefix = "case:";
    public const string DerelictionPrefix = "dereliction:";
    public const string RoundPrefix = "round:";
    public const string RoundTemplatePrefix = "round-template:";
    public const string CheckpointPrefix = "checkpoint:";
    public const string AreaPrefix = "area:";
    public const string GuardShiftPrefix = "guard-shift:";
    public const string RoundExceptionPrefix = "exception:";
    public const string RectificationPrefix = "rectification:";
    public const string FireEquipmentPrefix = "fire-equipment:";
    public const string GoodsOutPrefix = "goods-out:";
    public const string HazardPrefix = "hazard:";
    public const string InquiryPrefix = "inquiry:";
    public const string ComplaintPrefix = "complaint:";
    public const string DepartmentPrefix = "department:";
    public const string AppointmentPrefix = "appointment:";
    public const string EquipmentPrefix = "equipment:";
    public const string VirusIncidentPrefix = "virus-incident:";
    public const string MediaScanPrefix = "media-scan:";
    public const string MachineRoomPrefix = "machine-room:";

    /// <summary>The working calendar (holidays, adjusted working days) changed.</summary>
    public const string Calendar = "calendar";

    public static string Window(int windowId) => WindowPrefix + windowId;

    public static string Post(int postId) => PostPrefix + postId;

    public static string Staff(int staffId) => StaffPrefix + staffId;

    public static string HomeUnit(int unitId) => HomeUnitPrefix + unitId;

    public static string Floor(int floorId) => FloorPrefix + floorId;

    public static string Presence(int staffId) => PresencePrefix + staffId;

    public static string Leave(int staffId) => LeavePrefix + staffId;

    public static string Alert(long alertId) => AlertPrefix + alertId;

    public static string Jobs(string name) => JobsPrefix + name;

    public static string Matter(int matterId) => MatterPrefix + matterId;

    public static string Case(long caseId) => CasePrefix + caseId;

    public static string Dereliction(long recordId) => DerelictionPrefix + recordId;

    public static string Round(long instanceId) => RoundPrefix + instanceId;

    public static string RoundTemplate(int templateId) => RoundTemplatePrefix + templateId;

    public static string Checkpoint(int checkpointId) => CheckpointPrefix + checkpointId;

    /// <summary>A public area as a round's place: "area:{checkpointId}".</summary>
    public static string Area(int checkpointId) => AreaPrefix + checkpointId;

    public static string GuardShift(long shiftId) => GuardShiftPrefix + shiftId;

    public static string RoundExceptionSubject(long exceptionId) => RoundExceptionPrefix + exceptionId;

    public static string Rectification(long rectificationId) => RectificationPrefix + rectificationId;

    public static string FireEquipment(int equipmentId) => FireEquipmentPrefix + equipmentId;

    public static string GoodsOut(long entryId) => GoodsOutPrefix + entryId;

    public static string Hazard(long reportId) => HazardPrefix + reportId;

    public static string Inquiry(long inquiryId) => InquiryPrefix + inquiryId;

    public static string Complaint(long complaintId) => ComplaintPrefix + complaintId;

    public static string Department(int departmentId) => DepartmentPrefix + departmentId;

    public static string Appointment(long appointmentId) => AppointmentPrefix + appointmentId;

    public static string Equipment(int equipmentId) => EquipmentPrefix + equipmentId;

    public static string VirusIncident(long incidentId) => VirusIncidentPrefix + incidentId;

    public static string MediaScan(long scanId) => MediaScanPrefix + scanId;

    public static string MachineRoomEntry(long entryId) => MachineRoomPrefix + entryId;

    public static bool TryParseWindow(string subject, out int windowId) => TryParse(subject, WindowPrefix, out windowId);

    public static bool TryParsePost(string subject, out int postId) => TryParse(subject, PostPrefix, out postId);

    public static bool TryParsePresence(string subject, out int staffId) => TryParse(subject, PresencePrefix, out staffId);

    public static bool TryParseAlert(string subject, out long alertId)
    {
        alertId = 0;
        return subject.StartsWith(AlertPrefix, StringComparison.Ordinal)
            && long.TryParse(subject.AsSpan(AlertPrefix.Length), out alertId);
    }

    private static bool TryParse(string subject, string prefix, out int id)
    {
        id = 0;
        return subject.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(subject.AsSpan(prefix.Length), out id);
    }
}
