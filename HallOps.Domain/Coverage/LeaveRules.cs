namespace HallOps.Domain.Coverage;

/// <summary>Why planned leave is refused; <see cref="None"/> when it is accepted. The UI maps each to a message.</summary>
public enum LeaveProblem
{
    None = 0,

    /// <summary>The reason is not one a person is away for whole days (leave, study, business).</summary>
    NotALeaveReason,

    /// <summary>The last day is before the first.</summary>
    EndsBeforeItStarts,

    /// <summary>The first day is before today (hall time): leave is entered ahead, never afterwards.</summary>
    StartsInThePast,

    /// <summary>Longer than <see cref="LeaveRules.MaxDays"/> calendar days.</summary>
    TooLong,

    /// <summary>Shares a day with other leave of the same person.</summary>
    Overlaps,
}

/// <summary>What cancelling planned leave does, or why it is refused.</summary>
public enum LeaveCancel
{
    /// <summary>Not started yet (first day today or later): the row is removed (the audit log keeps it).</summary>
    Remove = 0,

    /// <summary>Started before today: the days already taken stay on record, the leave ends yesterday.</summary>
    EndYesterday,

    /// <summary>Started before today and the person is not a manager: only a manager may shorten it.</summary>
    RefusedStarted,

    /// <summary>Its last day is past: it is history.</summary>
    RefusedFinished,
}

/// <summary>
/// Planned leave (请假) entered ahead so that gaps are seen before they happen (AB3: A hands over
/// in advance; AB4: the window never refuses service because its handler is away).
/// </summary>
public static class LeaveRules
{
    /// <summary>The longest leave entered in one go, in calendar days (both ends counted).</summary>
    public const int MaxDays = 60;

    /// <summary>Reasons a person is away for whole days (AB3 names leave, study and business).</summary>
    public static IReadOnlyList<AwayReason> Reasons { get; } = [AwayReason.Leave, AwayReason.Study, AwayReason.Business];

    /// <summary>
    /// Checks leave from <paramref name="from"/> to <paramref name="to"/> (both inclusive) for a person
    /// whose other planned leave is <paramref name="othersOfThePerson"/>; <paramref name="today"/> is
    /// the hall's date. Returns the first problem found, in the order the enum lists them.
    /// </summary>
    public static LeaveProblem Check(DateOnly from, DateOnly to, AwayReason reason, DateOnly today, IEnumerable<PlannedLeave> othersOfThePerson)
    {
        if (!Reasons.Contains(reason))
        {
            return LeaveProblem.NotALeaveReason;
        }
        if (to < from)
        {
            return LeaveProblem.EndsBeforeItStarts;
        }
        if (from < today)
        {
            return LeaveProblem.StartsInThePast;
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            return LeaveProblem.TooLong;
        }
        if (othersOfThePerson.Any(l => l.From <= to && from <= l.To))
        {
            return LeaveProblem.Overlaps;
        }
        return LeaveProblem.None;
    }

    /// <summary>
    /// What cancelling <paramref name="leave"/> on <paramref name="today"/> does. Leave not yet started
    /// is removed by its person or a manager; leave under way is cut to end yesterday, by a manager
    /// only (the days taken are kept); finished leave cannot be cancelled.
    /// </summary>
    public static LeaveCancel Cancel(PlannedLeave leave, DateOnly today, bool byManager) =>
        leave.To < today ? LeaveCancel.RefusedFinished
        : leave.From >= today ? LeaveCancel.Remove
        : byManager ? LeaveCancel.EndYesterday
        : LeaveCancel.RefusedStarted;
}
