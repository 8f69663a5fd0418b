using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Alerts;

public enum AlertSeverity
{
    Info = 1,
    Warning = 2,
    Critical = 3,
}

/// <summary>The kinds of alert. Each later capability adds its own; a kind's text is in the UI resources.</summary>
public static class AlertKinds
{
    /// <summary>AB4: an open post with neither A nor any B on post (空岗).</summary>
    public const string CoverageGap = "coverage-gap";

    /// <summary>AB3: A left without a handover; B must take over on their own.</summary>
    public const string TakeOver = "take-over";

    /// <summary>TL5: a case within the due-soon threshold (yellow light).</summary>
    public const string CaseDueSoon = "case-due-soon";

    /// <summary>TL5: a case past its due time (red light).</summary>
    public const string CaseOverdue = "case-overdue";

    /// <summary>SE2, SE4, HY2: a round not done by its due-by time.</summary>
    public const string RoundOverdue = "round-overdue";

    /// <summary>SE2, SE4, HY2: a round not done by its missed line (the expected check never came).</summary>
    public const string RoundMissed = "round-missed";

    /// <summary>SE4: a window's shutdown check not done 10 minutes after closing (one reminder per round).</summary>
    public const string RoundReminder = "round-reminder";

    /// <summary>SE2.2, SE4: something found wrong on a round; the manager is told at once.</summary>
    public const string RoundException = "round-exception";

    /// <summary>SE7: a hazard or incident reported by a guard; escalated to the manager at once.</summary>
    public const string Hazard = "hazard";

    /// <summary>SE2.4: a piece of fire equipment due for inspection.</summary>
    public const string FireEquipmentDue = "fire-equipment-due";

    /// <summary>HY4: a rectification not done by its due date.</summary>
    public const string RectificationOverdue = "rectification-overdue";

    /// <summary>FQ3.8: an inquiry left without a disposition at the end of the working day (to its responder).</summary>
    public const string InquiryOpen = "inquiry-open";

    /// <summary>AP4.2: an appointment request not answered by the close of the working day it came in (to the window, escalating to the manager).</summary>
    public const string AppointmentUnanswered = "appointment-unanswered";

    /// <summary>AP4.3: the serving staff member's reminder before the slot (to the window's staff).</summary>
    public const string AppointmentReminder = "appointment-reminder";

    /// <summary>AP4.3: the serving staff member has not checked in by the slot (to the manager).</summary>
    public const string AppointmentNoCheckIn = "appointment-no-check-in";

    /// <summary>SC2.6: a complaint due soon (yellow), to the bureau office.</summary>
    public const string ComplaintDueSoon = "complaint-due-soon";

    /// <summary>SC2.6: a complaint past its due time (red), to the bureau office and the manager.</summary>
    public const string ComplaintOverdue = "complaint-overdue";

    /// <summary>IT2: a virus the reporter could not clean, to the network administrator; open past one working day it escalates to the manager.</summary>
    public const string VirusIncidentOpen = "virus-incident-open";

    /// <summary>IT5: a machine holding important files whose boot password its holder has not confirmed this quarter.</summary>
    public const string BootPasswordUnconfirmed = "boot-password-unconfirmed";
}

/// <summary>
/// Something that needs a person now. At most one open alert per (kind, subject) — a unique index,
/// so a retry or a second instance cannot double it. Raised on the event that causes it, repaired
/// by the scan, resolved automatically when the cause clears; acknowledged by the people who owe
/// the work; escalated when nobody does.
/// </summary>
public class Alert : IPublishesChanges
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public AlertSeverity Severity { get; set; }

    /// <summary>What it is about: "post:12", later "case:…".</summary>
    public required string Subject { get; set; }

    /// <summary>The window it concerns, if any: who may acknowledge it, and where the wall shows it.</summary>
    public int? WindowId { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public string? AcknowledgedByUserId { get; set; }

    public string? AckNote { get; set; }

    /// <summary>Not acknowledged in time: shown to the manager as escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>Acknowledged but still open too long: raised again, to be acknowledged again.</summary>
    public DateTimeOffset? ReAlertedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Stored so the database can keep one open alert per (kind, subject).</summary>
    public bool IsOpen { get; set; } = true;

    /// <summary>Optimistic concurrency: two acknowledgements at once → exactly one is stored.</summary>
    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Alert(Id);
}
