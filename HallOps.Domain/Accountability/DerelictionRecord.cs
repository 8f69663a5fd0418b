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

/// <summary>AC3's three severities.</summary>
public enum DerelictionSeverity
{
    /// <summary>轻微: stopped in time, little effect.</summary>
    Minor = 1,

    /// <summary>一般: harm to the hall's image with some consequence.</summary>
    General = 2,

    /// <summary>严重: irreversible loss, or egregious.</summary>
    Serious = 3,
}

/// <summary>AC4's seven sanctions; a confirmed record carries one or more.</summary>
[Flags]
public enum DerelictionSanctions
{
    None = 0,

    /// <summary>(1) 赔礼道歉、书面检查、通报批评.</summary>
    Criticism = 1,

    /// <summary>(2) 取消评先评优资格.</summary>
    LossOfAwardEligibility = 2,

    /// <summary>(3) 诫勉.</summary>
    Admonition = 4,

    /// <summary>(4) 效能告诫.</summary>
    EfficiencyWarning = 8,

    /// <summary>(5) 扣发奖励性绩效.</summary>
    BonusWithheld = 16,

    /// <summary>(6) 移交纪检监察 (Party/government discipline).</summary>
    DisciplineReferral = 32,

    /// <summary>(7) 移送司法机关.</summary>
    JudicialReferral = 64,
}

/// <summary>What raised a dereliction record.</summary>
public enum DerelictionOrigin
{
    /// <summary>Entered by hand by the office or the manager.</summary>
    Hand = 0,

    /// <summary>OT2: a second notice asked for something the first did not.</summary>
    NoticeBreach = 1,

    /// <summary>TL5: an overdue case.</summary>
    OverdueCase = 2,

    /// <summary>A failed item on a shutdown check or evening round (SE2.2, SE4).</summary>
    RoundException = 3,

    /// <summary>An alert escalated and still not acknowledged.</summary>
    UnacknowledgedAlert = 4,

    /// <summary>A complaint the office upheld (AC5).</summary>
    Complaint = 5,
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

    public DerelictionOrigin Origin { get; set; }

    /// <summary>The window concerned, when known.</summary>
    public int? WindowId { get; set; }

    public long? ComplaintId { get; set; }

    public long? RoundExceptionId { get; set; }

    public long? AlertId { get; set; }

    /// <summary>When the account recorded the decision, and who (the signed-in user).</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>The decision's text, or the reason a draft was dismissed.</summary>
    public string? Decision { get; set; }

    /// <summary>AC3: required on confirmation.</summary>
    public DerelictionSeverity? Severity { get; set; }

    /// <summary>AC4: one or more on confirmation.</summary>
    public DerelictionSanctions Sanctions { get; set; }

    /// <summary>The date the decision was taken, and by whom (a person or a meeting, as written on it).</summary>
    public DateOnly? DecisionDate { get; set; }

    public string? DecisionMaker { get; set; }

    /// <summary>The staff member read the confirmed record (acknowledged having read it).</summary>
    public DateTimeOffset? ReadAt { get; set; }

    public string? ReadBy { get; set; }

    public int Version { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Dereliction(Id);
}
