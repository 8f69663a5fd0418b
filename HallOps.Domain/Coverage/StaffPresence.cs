using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Staffing;

namespace HallOps.Domain.Coverage;

/// <summary>在岗 / 离岗 / 下班: whether a person is at the hall serving right now.</summary>
public enum PresenceState
{
    SignedOff = 0,
    OnPost = 1,
    Away = 2,
}

/// <summary>Why a person left their post (AB3: leave, study, business …).</summary>
public enum AwayReason
{
    Leave = 1,
    Study = 2,
    Business = 3,
    Meeting = 4,
    Break = 5,

    /// <summary>调休: time off booked against the comp-time ledger (AP4.5), planned leave only.</summary>
    CompTime = 6,
}

/// <summary>
/// A person's presence now: one row per staff member, replaced on every change (the history is in
/// <see cref="PresenceEvent"/>). A person on post covers every post they hold, as A or as B.
/// </summary>
public class StaffPresence : IPublishesChanges
{
    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    public PresenceState State { get; set; }

    /// <summary>The post the person signed on at.</summary>
    public int? PostId { get; set; }

    public AwayReason? Reason { get; set; }

    public DateTimeOffset Since { get; set; }

    public DateTimeOffset? ExpectedReturn { get; set; }

    /// <summary>AB3: the B the work was handed to before leaving.</summary>
    public int? HandoverToStaffId { get; set; }

    public string? HandoverNote { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Presence(StaffMemberId);
}

/// <summary>One presence change as it happened (who, when, what), for timelines and reports.</summary>
public class PresenceEvent
{
    public long Id { get; set; }

    public int StaffMemberId { get; set; }

    public PresenceState State { get; set; }

    public int? PostId { get; set; }

    public AwayReason? Reason { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ExpectedReturn { get; set; }

    public int? HandoverToStaffId { get; set; }

    public string? HandoverNote { get; set; }

    /// <summary>The account that recorded it (the person, or a manager for them).</summary>
    public required string RecordedBy { get; set; }
}

/// <summary>
/// 请假: leave entered ahead (AB3, AB4), by the person or a manager, for gap prediction. Its
/// subject is the person's, so the wall's predicted-gap count follows every change.
/// </summary>
public class PlannedLeave : IPublishesChanges
{
    public int Id { get; set; }

    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public AwayReason Reason { get; set; } = AwayReason.Leave;

    public string? Note { get; set; }

    /// <summary>The account that entered it (the person, or a manager for them).</summary>
    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public bool Covers(DateOnly date) => From <= date && date <= To;

    string IPublishesChanges.EventSubject => HallSubjects.Leave(StaffMemberId);
}
