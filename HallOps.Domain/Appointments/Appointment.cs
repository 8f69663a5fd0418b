using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Appointments;

/// <summary>How the request came in (AP1–AP3).</summary>
public enum AppointmentChannel
{
    /// <summary>The public booking page, no account.</summary>
    Public = 1,

    /// <summary>Taken by window staff on the phone.</summary>
    Phone = 2,

    /// <summary>Taken by window staff at the window.</summary>
    Visit = 3,
}

public enum RequesterKind
{
    Person = 1,
    Organisation = 2,
}

public enum AppointmentStatus
{
    /// <summary>Waiting for the window's reply (AP4.2: the same working day).</summary>
    Requested = 0,

    /// <summary>Accepted: a serving staff member is assigned, the requester told their name, phone and the materials.</summary>
    Accepted = 1,

    /// <summary>Declined with the leader's recorded approval and a reason the requester is given.</summary>
    Declined = 2,

    /// <summary>Served (AP4.4).</summary>
    Done = 3,

    /// <summary>The requester did not come.</summary>
    NoShow = 4,

    /// <summary>Moved to another slot (a new appointment carries on).</summary>
    Rescheduled = 5,

    /// <summary>Withdrawn by the requester before the day.</summary>
    Cancelled = 6,
}

/// <summary>
/// 预约服务 (AP1–AP4.5): a request for service outside working time, its same-day reply, the serving
/// staff member's arrival and the service actually given. The requester follows it with
/// <see cref="PublicToken"/> (a random code, never the number) without an account.
/// </summary>
public class Appointment : IPublishesChanges
{
    public long Id { get; set; }

    /// <summary>"YY20261126-004".</summary>
    public required string Number { get; set; }

    /// <summary>24 random URL-safe characters: the requester's link to their own request, nothing else.</summary>
    public required string PublicToken { get; set; }

    public AppointmentChannel Channel { get; set; }

    public RequesterKind RequesterKind { get; set; }

    /// <summary>The person's name, or the contact person of an organisation (personal data).</summary>
    public required string RequesterName { get; set; }

    public string? OrganisationName { get; set; }

    public required string Phone { get; set; }

    public int MatterId { get; set; }

    /// <summary>The matter's name when requested.</summary>
    public required string MatterName { get; set; }

    public int WindowId { get; set; }

    public DateTimeOffset SlotStart { get; set; }

    public int SlotMinutes { get; set; }

    public string? RequesterNote { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The account that took it, or "public".</summary>
    public required string RequestedBy { get; set; }

    public AppointmentStatus Status { get; set; }

    /// <summary>AP4.2: the close of the working day it was received (or the next one).</summary>
    public DateTimeOffset ReplyDueAt { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public string? RepliedBy { get; set; }

    public int? ServingStaffId { get; set; }

    /// <summary>What the requester was told at acceptance (AP4.2): the name and phone of who serves …</summary>
    public string? ServingStaffName { get; set; }

    public string? ServingStaffPhone { get; set; }

    /// <summary>… and the matter's complete materials list (OT1), as it stood then.</summary>
    public string? MaterialsList { get; set; }

    public string? DeclineReason { get; set; }

    /// <summary>The bureau's leader in charge who approved the decline, and when (AP4.2).</summary>
    public string? DeclineApprovedBy { get; set; }

    public DateTimeOffset? DeclineApprovedAt { get; set; }

    /// <summary>AP4.3: the reminders sent to the serving staff member (first and last).</summary>
    public DateTimeOffset? FirstReminderAt { get; set; }

    public DateTimeOffset? LastReminderAt { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }

    /// <summary>AP4.3: checked in less than 10 minutes before the slot.</summary>
    public bool CheckedInLate { get; set; }

    public DateTimeOffset? ServedFrom { get; set; }

    public DateTimeOffset? ServedTo { get; set; }

    /// <summary>AP4.5: the minutes served outside working hours, credited as comp time.</summary>
    public int CompMinutes { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    public string? CompletionNote { get; set; }

    /// <summary>The appointment this one was moved to.</summary>
    public long? RescheduledToId { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Appointment(Id);
}

public enum CompTimeKind
{
    /// <summary>Served outside working hours (AP4.5).</summary>
    Earned = 1,

    /// <summary>Time off booked against the balance.</summary>
    Taken = 2,
}

/// <summary>
/// One line of a staff member's comp-time (调休) ledger, in minutes: earned lines are positive, taken
/// lines negative; the balance never goes below zero (<see cref="CompTimeLedger"/>). Time off taken is
/// also planned leave, so the coverage rules see the absence.
/// </summary>
public class CompTimeEntry : IPublishesChanges
{
    public long Id { get; set; }

    public int StaffMemberId { get; set; }

    public CompTimeKind Kind { get; set; }

    public int Minutes { get; set; }

    /// <summary>Earned: the appointment served (one line per appointment).</summary>
    public long? AppointmentId { get; set; }

    /// <summary>Taken: the day off, and the planned leave it made.</summary>
    public DateOnly? Date { get; set; }

    public int? PlannedLeaveId { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Staff(StaffMemberId);
}

/// <summary>
/// The week's appointment report for the service section (AP4.4), kept in the app: one per week
/// (unique <see cref="WeekStart"/>), so the job run twice keeps one.
/// </summary>
public class AppointmentReport
{
    public long Id { get; set; }

    /// <summary>The Monday of the week.</summary>
    public DateOnly WeekStart { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    public int Requests { get; set; }

    public int Accepted { get; set; }

    public int Declined { get; set; }

    public int Done { get; set; }

    public int NoShows { get; set; }

    public int LateArrivals { get; set; }

    public int MinutesServed { get; set; }

    /// <summary>The rows (one per appointment) as JSON, as they stood when the report was made.</summary>
    public string Rows { get; set; } = "[]";
}
