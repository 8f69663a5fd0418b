using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Staffing;

namespace HallOps.Domain.Accountability;

/// <summary>AC2's nine types of dereliction (失职).</summary>
public enum DerelictionType
{
    /// <summary>(1) no one-time notice of basis, limit, procedure, all materials or refusal reasons.</summary>
    NoOneTimeNotice = 1,

    /// <summary>(2) instant matter not done on the spot, or promised matter not done in the limit.</summary>
    Overdue = 2,
    PapersLost = 3,
    BadAttitude = 4,
    RefusedConforming = 5,
    MatterWithoutAuthority = 6,
    ExtraConditions = 7,
    NotApproved = 8,
    Other = 9,
}

public enum DerelictionStatus
{
    /// <summary>Raised automatically; the office or manager decides.</summary>
    Draft = 0,
    Confirmed = 1,
    Dismissed = 2,
}

/// <summary>
/// 失职记录 (AC1–AC5). Types 1 and 2 are drafted automatically from the cases (OT2, TL5); one per
/// cause, by <see cref="SourceKey"/> (a unique index), so a retried scan drafts nothing twice.
/// </summary>
public class DerelictionRecord : IPublishesChanges
{
    public long Id { get; set; }

    public DerelictionType Type { get; set; }

    public DerelictionStatus Status { get; set; }

    /// <summary>The staff member concerned, when known.</summary>
    public int? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    public long? CaseId { get; set; }

    /// <summary>What raised it, unique: "case:12:overdue", "case:12:notice:34".</summary>
    public required string SourceKey { get; set; }

    public required string Summary { get; set; }

    /// <summary>The evidence as it stood when drafted (notices, the clock's explanation …).</summary>
    public string Evidence { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? Decision { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Dereliction(Id);
}
