using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Inquiries;

namespace HallOps.Domain.Complaints;

/// <summary>举报 / 投诉 / 差评.</summary>
public enum ComplaintKind
{
    Report = 1,
    Complaint = 2,

    /// <summary>A bad service rating (差评): a call-back and the fix must be recorded before it closes.</summary>
    BadRating = 3,
}

/// <summary>How the complaint reached the office (AC5).</summary>
public enum ComplaintSource
{
    /// <summary>From a 举报/投诉 first inquiry (FQ3.6), automatically.</summary>
    Inquiry = 1,
    Visit = 2,

    /// <summary>The published complaint line.</summary>
    Phone = 3,
    Letter = 4,
    Online = 5,

    /// <summary>A bad rating entered by hand.</summary>
    Rating = 6,

    /// <summary>A bad rating from an imported 好差评 file.</summary>
    RatingImport = 7,
}

public enum ComplaintStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>What the office found.</summary>
public enum ComplaintOutcome
{
    /// <summary>属实.</summary>
    Upheld = 1,

    /// <summary>部分属实.</summary>
    PartlyUpheld = 2,

    /// <summary>不属实.</summary>
    NotUpheld = 3,
}

/// <summary>
/// A complaint or report in the bureau office's queue (AC5, SC2.6): due in working days like a case,
/// with handling notes, an outcome and the reply to the complainant. A bad rating needs a call-back.
/// </summary>
public class Complaint : IPublishesChanges
{
    public long Id { get; set; }

    /// <summary>"TS20261126-003".</summary>
    public required string Number { get; set; }

    public ComplaintKind Kind { get; set; }

    public ComplaintSource Source { get; set; }

    public ComplaintStatus Status { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required string ReceivedBy { get; set; }

    /// <summary>Personal data: shown in full on the office's pages only.</summary>
    public string? ComplainantName { get; set; }

    public string? ComplainantPhone { get; set; }

    public required string Content { get; set; }

    /// <summary>Whom it is about.</summary>
    public int? SubjectStaffId { get; set; }

    public int? SubjectWindowId { get; set; }

    public long? InquiryId { get; set; }

    public long? CaseId { get; set; }

    /// <summary>差评: the rating (1–5) and the rating system's own reference (one complaint per rating).</summary>
    public int? RatingLevel { get; set; }

    public string? RatingReference { get; set; }

    /// <summary>Yellow (即将超期) from here, red from <see cref="DueAt"/> (<see cref="ComplaintRules"/>).</summary>
    public DateTimeOffset DueSoonAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public ComplaintOutcome? Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    public FeedbackMethod? ReplyMethod { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public string? ReplyNote { get; set; }

    public bool CallBackRequired { get; set; }

    public DateTimeOffset? CalledBackAt { get; set; }

    public string? CallBackNote { get; set; }

    /// <summary>What was put right (required with the call-back of a bad rating).</summary>
    public string? FixNote { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public int Version { get; set; }

    public List<ComplaintNote> Notes { get; set; } = [];

    string IPublishesChanges.EventSubject => HallSubjects.Complaint(Id);
}

/// <summary>One handling note on a complaint (who, when, what).</summary>
public class ComplaintNote
{
    public long Id { get; set; }

    public long ComplaintId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    public required string Text { get; set; }
}
