using HallOps.Domain.Accountability;
using HallOps.Domain.Alerts;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using HallOps.Domain.Inquiries;

namespace HallOps.Web.Complaints;

/// <summary>The office's filter of the queue; empty for every complaint. Dates are hall-local and inclusive.</summary>
public sealed class ComplaintFilter
{
    public ComplaintKind? Kind { get; set; }
    public ComplaintSource? Source { get; set; }
    public ComplaintStatus? Status { get; set; }
    public int? WindowId { get; set; }
    public int? StaffId { get; set; }
    public DateOnly? ReceivedFrom { get; set; }
    public DateOnly? ReceivedTo { get; set; }
}

/// <summary>One line of the queue. The complainant is shown in full: the queue is the office's own page.</summary>
public sealed record ComplaintRow(
    long Id, string Number, ComplaintKind Kind, ComplaintSource Source, ComplaintStatus Status,
    DateTimeOffset ReceivedAt, string Content, string? ComplainantName, string? ComplainantPhone,
    int? WindowNumber, string? WindowName, string? StaffName, int? RatingLevel, bool CallBackRequired,
    DateTimeOffset DueSoonAt, DateTimeOffset DueAt, DateTimeOffset? ClosedAt, CaseLight Light);

/// <summary>An open complaint alert (SC2.6) as the office's queue shows it.</summary>
public sealed record ComplaintAlertRow(long AlertId, string Kind, AlertSeverity Severity, long ComplaintId, string? Number, DateTimeOffset RaisedAt);

/// <summary>The queue: its lines (open first by due time, then closed, newest first), the counts and the open alerts.</summary>
public sealed record ComplaintQueue(IReadOnlyList<ComplaintRow> Rows, int Open, int DueSoon, int Overdue, IReadOnlyList<ComplaintAlertRow> Alerts);

public sealed record ComplaintNoteView(DateTimeOffset At, string By, string Text);

public sealed record LinkedDereliction(long Id, DerelictionType Type, DerelictionStatus Status, string? StaffName, string Summary, DateTimeOffset CreatedAt);

public sealed record LinkedInquiry(long Id, DateTimeOffset ReceivedAt, InquiryChannel Channel, string ResponderName, string Subject);

/// <summary>Everything about one complaint, for the office's detail page.</summary>
public sealed record ComplaintDetail(
    long Id, string Number, ComplaintKind Kind, ComplaintSource Source, ComplaintStatus Status,
    DateTimeOffset ReceivedAt, string ReceivedBy, string? ComplainantName, string? ComplainantPhone, string Content,
    int? SubjectStaffId, string? SubjectStaffName, int? SubjectWindowId, int? WindowNumber, string? WindowName,
    int? RatingLevel, string? RatingReference, DateTimeOffset DueSoonAt, DateTimeOffset DueAt, CaseLight Light,
    ComplaintOutcome? Outcome, string? OutcomeNote, FeedbackMethod? ReplyMethod, DateTimeOffset? RepliedAt, string? ReplyNote,
    bool CallBackRequired, DateTimeOffset? CalledBackAt, string? CallBackNote, string? FixNote,
    DateTimeOffset? ClosedAt, string? ClosedBy, int Version,
    IReadOnlyList<ComplaintNoteView> Notes, IReadOnlyList<LinkedDereliction> Derelictions, LinkedInquiry? Inquiry,
    IReadOnlyList<ComplaintProblem> CloseProblems);

/// <summary>A complaint or report the office takes directly (AC5): at the office, on the published line, by letter or online.</summary>
public sealed class ComplaintIntake
{
    public ComplaintKind Kind { get; set; } = ComplaintKind.Complaint;
    public ComplaintSource Source { get; set; } = ComplaintSource.Phone;
    public string? ComplainantName { get; set; }
    public string? ComplainantPhone { get; set; }
    public string? Content { get; set; }
    public int? SubjectStaffId { get; set; }
    public int? SubjectWindowId { get; set; }
}

/// <summary>A bad rating (差评) entered by hand from the 好差评 system.</summary>
public sealed class RatingEntry
{
    public int? WindowId { get; set; }
    public int? StaffId { get; set; }
    public int? Level { get; set; }
    public DateTimeOffset? RatedAt { get; set; }
    public string? Comment { get; set; }
    public string? RaterPhone { get; set; }
    public string? Reference { get; set; }
}

public sealed record ChoiceItem(int Id, string Label);

/// <summary>The windows and staff a complaint may be about.</summary>
public sealed record ComplaintChoices(IReadOnlyList<ChoiceItem> Windows, IReadOnlyList<ChoiceItem> Staff);

/// <summary>A step's answer: what went wrong (nothing changed), or the id of what was created.</summary>
public sealed record ComplaintResult(IReadOnlyList<string> Errors, long? Id = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>One row of an import that was refused: its row number in the sheet and why.</summary>
public sealed record RatingRowError(int Row, string Message);

/// <summary>
/// What a 好差评 import did: complaints opened for new bad ratings, bad ratings already present, rows
/// skipped as not bad (3–5); or, when anything was wrong, nothing saved and every problem listed.
/// </summary>
public sealed record RatingImportResult(int Opened, int AlreadyPresent, int NotBad, IReadOnlyList<RatingRowError> Errors, string? FileError)
{
    public bool Succeeded => Errors.Count == 0 && FileError is null;
}

/// <summary>A recent bad rating on the ratings page.</summary>
public sealed record RatingRow(long ComplaintId, string Number, DateTimeOffset RatedAt, int? Level, string? Reference, int? WindowNumber, string? StaffName,
    string Content, ComplaintSource Source, ComplaintStatus Status, DateTimeOffset? CalledBackAt, CaseLight Light);
