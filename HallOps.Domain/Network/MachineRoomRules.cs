namespace HallOps.Domain.Network;

/// <summary>What is wrong with a machine-room entry (IT6); the page says it in the user's language.</summary>
public enum MachineRoomProblem
{
    PersonRequired = 1,
    PurposeRequired = 2,
    ApprovalRequired = 3,
    EscortRequired = 4,
    EnteredInFuture = 5,
    LeftBeforeEntered = 6,
}

/// <summary>An entry as recorded, before it is stored.</summary>
public sealed record MachineRoomVisit(
    string? Person,
    bool IsAdministrator,
    string? Purpose,
    string? ApprovedBy,
    string? AccompaniedBy,
    DateTimeOffset EnteredAt,
    DateTimeOffset? LeftAt);

/// <summary>
/// IT6 机房出入登记: only the network administrators enter the machine room without approval. Anyone
/// else needs a recorded approval (who approved it) and an administrator who goes in with them. Every
/// entry says who and why; it cannot be entered in the future, and cannot be left before it was entered.
/// </summary>
public static class MachineRoomRules
{
    /// <summary>Every problem of an entry at <paramref name="now"/>, in the form's order; none when it may be stored.</summary>
    public static IReadOnlyList<MachineRoomProblem> Check(MachineRoomVisit visit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var problems = new List<MachineRoomProblem>();
        if (string.IsNullOrWhiteSpace(visit.Person))
        {
            problems.Add(MachineRoomProblem.PersonRequired);
        }
        if (string.IsNullOrWhiteSpace(visit.Purpose))
        {
            problems.Add(MachineRoomProblem.PurposeRequired);
        }
        if (!visit.IsAdministrator)
        {
            if (string.IsNullOrWhiteSpace(visit.ApprovedBy))
            {
                problems.Add(MachineRoomProblem.ApprovalRequired);
            }
            if (string.IsNullOrWhiteSpace(visit.AccompaniedBy))
            {
                problems.Add(MachineRoomProblem.EscortRequired);
            }
        }
        if (visit.EnteredAt > now)
        {
            problems.Add(MachineRoomProblem.EnteredInFuture);
        }
        if (visit.LeftAt is { } left && left < visit.EnteredAt)
        {
            problems.Add(MachineRoomProblem.LeftBeforeEntered);
        }
        return problems;
    }
}
