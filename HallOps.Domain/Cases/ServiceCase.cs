using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Staffing;

namespace HallOps.Domain.Cases;

/// <summary>TL3: received → awaiting supplement (clock not started) → accepted / accepted with deficiencies → completed; or refused / returned.</summary>
public enum CaseState
{
    Received = 0,
    AwaitingSupplement = 1,
    Accepted = 2,
    AcceptedWithDeficiencies = 3,
    Completed = 4,
    Refused = 5,
    Returned = 6,
}

/// <summary>The e-supervision light (电子监察): none, yellow (due soon), red (overdue) — TL5.</summary>
public enum CaseLight
{
    None = 0,
    Yellow = 1,
    Red = 2,
}

public enum ApplicantKind
{
    Person = 1,
    Organisation = 2,
}

/// <summary>How a case reached the hall.</summary>
public enum CaseSource
{
    Window = 1,
    Import = 2,
    Api = 3,
}

/// <summary>
/// 办件: one application for one matter, on the statutory clock (TL0–TL5). The clock's due time and
/// the instant the light must next change are stored, so the deadline scan reads only the cases
/// whose light changes (an index on <see cref="NextLightAt"/>), never every open case.
/// </summary>
public class ServiceCase : IPublishesChanges
{
    public long Id { get; set; }

    /// <summary>受理编号, unique: 2026-000412.</summary>
    public required string Number { get; set; }

    /// <summary>The approval system's case number, unique when given: a retried import or API call finds the case.</summary>
    public string? ExternalNumber { get; set; }

    public CaseSource Source { get; set; } = CaseSource.Window;

    public int MatterId { get; set; }
    public Matter? Matter { get; set; }

    /// <summary>The matter version the case was taken under (OT5): its limits and materials apply.</summary>
    public int MatterVersionId { get; set; }
    public MatterVersion? MatterVersion { get; set; }

    public int? WindowId { get; set; }
    public ServiceWindow? Window { get; set; }

    /// <summary>The staff member handling it (承办人).</summary>
    public int? HandlerStaffId { get; set; }
    public StaffMember? Handler { get; set; }

    public ApplicantKind ApplicantKind { get; set; } = ApplicantKind.Person;

    public required string ApplicantName { get; set; }

    /// <summary>ID card or unified social credit code; shown in full only on the case page.</summary>
    public string? ApplicantIdNumber { get; set; }

    public string? ApplicantPhone { get; set; }

    public CaseState State { get; set; }

    /// <summary>When the papers were received (收件).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When the clock started (受理): complete papers, or the supplement's arrival.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The clock's due time; null before acceptance and while the clock is paused.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When the case turns yellow (due soon); null when it has no clock.</summary>
    public DateTimeOffset? DueSoonAt { get; set; }

    public CaseLight Light { get; set; }

    /// <summary>The next instant the light must change (yellow, then red); null when nothing is pending.</summary>
    public DateTimeOffset? NextLightAt { get; set; }

    /// <summary>Items deferred under 容缺受理, with the date they are due.</summary>
    public DateOnly? DeferredItemsDue { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>Completed by its due time (for the on-time completion rate).</summary>
    public bool? CompletedOnTime { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<CasePause> Pauses { get; set; } = [];

    public List<CaseExtension> Extensions { get; set; } = [];

    public List<CaseNotice> Notices { get; set; } = [];

    /// <summary>Optimistic concurrency: completing twice, or completing while the scan lights it, stores one.</summary>
    public int Version { get; set; }

    public bool IsOpen => State is CaseState.Received or CaseState.AwaitingSupplement or CaseState.Accepted or CaseState.AcceptedWithDeficiencies;

    string IPublishesChanges.EventSubject => HallSubjects.Case(Id);
}

/// <summary>Why the clock stopped (TL3, 《行政许可法》第四十五条).</summary>
public enum PauseKind
{
    Supplement = 1,
    Hearing = 2,
    Testing = 3,
    Inspection = 4,
    Appraisal = 5,
    ExpertReview = 6,
}

/// <summary>A stretch of time that does not count on a case's clock; open while <see cref="To"/> is null.</summary>
public class CasePause
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public PauseKind Kind { get; set; }

    public DateTimeOffset From { get; set; }

    public DateTimeOffset? To { get; set; }

    public string? Note { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>延期: extra working days, approved and recorded before the deadline (第四十二条).</summary>
public class CaseExtension
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public int Days { get; set; }

    public required string Reason { get; set; }

    /// <summary>Who approved it (the head of the body).</summary>
    public required string ApprovedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>The written documents a window hands over (NOTICES.md).</summary>
public enum NoticeKind
{
    /// <summary>受理通知书.</summary>
    Acceptance = 1,

    /// <summary>补正材料告知书.</summary>
    Supplement = 2,

    /// <summary>不予受理通知书.</summary>
    Refusal = 3,

    /// <summary>退件 with written reasons.</summary>
    Return = 4,

    /// <summary>容缺受理告知书.</summary>
    Deficiency = 5,

    /// <summary>延期告知书.</summary>
    Extension = 6,
}

/// <summary>
/// A notice as issued: its number, items and text are kept as they were that day, never
/// re-rendered from today's data.
/// </summary>
public class CaseNotice
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public NoticeKind Kind { get; set; }

    /// <summary>文号: 〔2026〕第0412号.</summary>
    public required string DocumentNumber { get; set; }

    /// <summary>The numbered items (missing materials with what is wrong, or reasons), one per entry.</summary>
    public List<string> Items { get; set; } = [];

    /// <summary>The body as issued (dates, limits, where to collect, basis …).</summary>
    public string Body { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public required string IssuedBy { get; set; }

    /// <summary>The issuing staff member, for accountability (AC2).</summary>
    public int? IssuedByStaffId { get; set; }
}
