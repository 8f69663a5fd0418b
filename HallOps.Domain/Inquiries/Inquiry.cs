using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Inquiries;

/// <summary>How the contact reached the hall (FQ1): 来访 / 来电 / 来函 / 网上.</summary>
public enum InquiryChannel
{
    Visit = 1,
    Phone = 2,
    Letter = 3,
    Online = 4,
}

/// <summary>What the person came for (FQ1): 办事 / 咨询 / 举报 / 投诉.</summary>
public enum InquiryCategory
{
    Business = 1,
    Consultation = 2,
    Report = 3,
    Complaint = 4,
}

/// <summary>What the first responder did with it (FQ3.1–FQ3.6).</summary>
public enum InquiryDisposition
{
    /// <summary>FQ3.1: own duty — handled or answered; requirements given once, in writing.</summary>
    Handled = 1,

    /// <summary>FQ3.2: own window, not own duty — taken to the colleague who handles it.</summary>
    GuidedToHandler = 2,

    /// <summary>FQ3.3: another window's duty — told or led to window N.</summary>
    GuidedToWindow = 3,

    /// <summary>FQ3.4: not the hall's duty — the competent department's name and address given.</summary>
    ReferredOutside = 4,

    /// <summary>FQ3.5: cannot tell whose duty — taken to the guidance desk (导服台) or the service section.</summary>
    GuidanceDesk = 5,

    /// <summary>FQ3.6: a report or complaint — told or led to the bureau office (局办公室).</summary>
    BureauOffice = 6,
}

/// <summary>How the result was fed back to the person (FQ3.1), and how a complainant is replied to (AC5).</summary>
public enum FeedbackMethod
{
    /// <summary>当场答复: answered at the window, there and then.</summary>
    OnTheSpot = 1,
    Phone = 2,
    TextMessage = 3,
    Letter = 4,
    Online = 5,
    Visit = 6,
}

/// <summary>
/// 首问登记 (FQ1–FQ3.8): one contact with the person who first received it. Logged in seconds at the
/// window; a disposition and the feedback to the person close it. One left without a disposition at
/// the end of the working day raises an alert to its responder (FQ3.8).
/// </summary>
public class Inquiry : IPublishesChanges
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public InquiryChannel Channel { get; set; }

    public InquiryCategory Category { get; set; }

    /// <summary>What it was about, in the clerk's words (or the matter's name).</summary>
    public required string Subject { get; set; }

    /// <summary>The catalogue matter, when it was about one.</summary>
    public int? MatterId { get; set; }

    /// <summary>The window the first responder was serving at (null away from a window).</summary>
    public int? WindowId { get; set; }

    /// <summary>The first responder's staff record, when the account has one.</summary>
    public int? ResponderStaffId { get; set; }

    /// <summary>The first responder's account (FQ2: the signed-in user).</summary>
    public required string ResponderUserName { get; set; }

    /// <summary>The first responder's name as the hall knows it.</summary>
    public required string ResponderName { get; set; }

    /// <summary>Optional: who asked (personal data — masked outside the office's pages).</summary>
    public string? PersonName { get; set; }

    public string? PersonPhone { get; set; }

    public InquiryDisposition? Disposition { get; set; }

    public DateTimeOffset? DisposedAt { get; set; }

    /// <summary>FQ3.1: what was answered or done.</summary>
    public string? Answer { get; set; }

    /// <summary>FQ3.1: the procedure and requirements given once, in writing (printable).</summary>
    public string? WrittenNotice { get; set; }

    /// <summary>FQ3.2: the colleague the person was taken to.</summary>
    public int? HandlerStaffId { get; set; }

    /// <summary>FQ3.3: the window the person was sent to.</summary>
    public int? TargetWindowId { get; set; }

    /// <summary>FQ3.4: the directory entry, and what the person was given (kept as it was then).</summary>
    public int? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    public string? DepartmentAddress { get; set; }

    public string? DepartmentPhone { get; set; }

    /// <summary>FQ3.4: the responder liaised with the department for the person.</summary>
    public bool Liaised { get; set; }

    public FeedbackMethod? FeedbackMethod { get; set; }

    public DateTimeOffset? FeedbackAt { get; set; }

    public string? FeedbackNote { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>FQ3.6 / AC5: the complaint a 举报 or 投诉 opened in the office's queue.</summary>
    public long? ComplaintId { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Inquiry(Id);
}

/// <summary>
/// The directory of outside departments the office keeps (FQ3.4): name, address and phone to give a
/// person whose matter is not the hall's. Staff may add a new one while referring.
/// </summary>
public class Department : IPublishesChanges
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>What it handles, to find it next time.</summary>
    public string? Note { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Department(Id);
}
