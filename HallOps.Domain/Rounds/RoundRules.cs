namespace HallOps.Domain.Rounds;

/// <summary>What is wrong with a round's completion, if anything.</summary>
public enum RoundProblem
{
    /// <summary>Not every checklist item has a result.</summary>
    ItemsMissing = 1,

    /// <summary>A failed item says nothing about what is wrong.</summary>
    FailWithoutNote = 2,

    /// <summary>A failed item that needs a photo has none.</summary>
    FailWithoutPhoto = 3,

    /// <summary>Completed before its time window opens or after it is missed, without a reason.</summary>
    OutOfWindowWithoutReason = 4,

    /// <summary>The round is already done, late or missed.</summary>
    AlreadySettled = 5,
}

/// <summary>An item's result as entered.</summary>
public sealed record CheckEntry(int Order, CheckResult Result, string? Note, bool HasPhoto);

/// <summary>The round engine's rules (SE2, SE4, HY2, HY4) as pure functions.</summary>
public static class RoundRules
{
    /// <summary>
    /// The state at an instant of a round that is not yet completed: due (or in progress) until its
    /// missed line, missed from then. "Late" is only ever a completed round's state.
    /// </summary>
    public static RoundState OpenStateAt(DateTimeOffset now, DateTimeOffset missedAt, bool started) =>
        now >= missedAt ? RoundState.Missed : started ? RoundState.InProgress : RoundState.Due;

    /// <summary>
    /// A round's state as a screen shows it at <paramref name="now"/>: a stored open state (due, in
    /// progress) past the missed line is missed, whether or not the monitor has stored that yet; a
    /// settled state (done, late, missed) stays as stored.
    /// </summary>
    public static RoundState StateAt(RoundState stored, DateTimeOffset now, DateTimeOffset missedAt) =>
        stored is RoundState.Due or RoundState.InProgress ? OpenStateAt(now, missedAt, stored == RoundState.InProgress) : stored;

    /// <summary>Whether an open round is overdue (past due-by, not yet missed): the moment to alert.</summary>
    public static bool IsOverdue(DateTimeOffset now, DateTimeOffset dueBy, DateTimeOffset missedAt) => now >= dueBy && now < missedAt;

    /// <summary>Done when completed by its due-by time; late when after it.</summary>
    public static RoundState CompletedState(DateTimeOffset completedAt, DateTimeOffset dueBy) =>
        completedAt <= dueBy ? RoundState.Done : RoundState.Late;

    /// <summary>When the monitor must look next at an open round: its due-by line, then its missed line.</summary>
    public static DateTimeOffset? NextCheck(DateTimeOffset now, DateTimeOffset dueBy, DateTimeOffset missedAt) =>
        now < dueBy ? dueBy : now < missedAt ? missedAt : null;

    /// <summary>
    /// Checks a completion: every item answered, a fail says what is wrong (and shows it when the item
    /// asks for a photo), and outside the time window [due-from, missed) a reason is given.
    /// </summary>
    public static RoundProblem? CheckCompletion(
        IReadOnlyCollection<RoundTemplateItem> items,
        IReadOnlyCollection<CheckEntry> entries,
        DateTimeOffset now,
        DateTimeOffset dueFrom,
        DateTimeOffset missedAt,
        string? outOfWindowReason,
        RoundState state)
    {
        if (state is RoundState.Done or RoundState.Late or RoundState.Missed)
        {
            return RoundProblem.AlreadySettled;
        }
        var byOrder = entries.GroupBy(e => e.Order).ToDictionary(g => g.Key, g => g.Last());
        if (items.Any(i => !byOrder.ContainsKey(i.Order)))
        {
            return RoundProblem.ItemsMissing;
        }
        foreach (var item in items)
        {
            var entry = byOrder[item.Order];
            if (entry.Result != CheckResult.Fail)
            {
                continue;
            }
            if (item.NoteOnFail && string.IsNullOrWhiteSpace(entry.Note))
            {
                return RoundProblem.FailWithoutNote;
            }
            if (item.PhotoOnFail && !entry.HasPhoto)
            {
                return RoundProblem.FailWithoutPhoto;
            }
        }
        var inWindow = now >= dueFrom && now < missedAt;
        return !inWindow && string.IsNullOrWhiteSpace(outOfWindowReason) ? RoundProblem.OutOfWindowWithoutReason : null;
    }

    /// <summary>The score: passed items among the applicable ones, 0–100 (100 when none applies).</summary>
    public static int Score(IEnumerable<CheckResult> results)
    {
        var applicable = results.Where(r => r != CheckResult.NotApplicable).ToList();
        return applicable.Count == 0 ? 100 : (int)Math.Round(100.0 * applicable.Count(r => r == CheckResult.Pass) / applicable.Count);
    }

    /// <summary>
    /// A reproducible random share of windows for one occurrence (HY4: "a random sample"): the same
    /// schedule and instant always draw the same windows, so a scheduler run twice agrees with itself;
    /// at least one window when any exists.
    /// </summary>
    public static IReadOnlyList<int> Sample(IEnumerable<int> windowIds, double share, int scheduleId, DateTimeOffset occurrence)
    {
        var ids = windowIds.Distinct().Order().ToList();
        if (ids.Count == 0 || share <= 0)
        {
            return [];
        }
        var count = Math.Clamp((int)Math.Ceiling(ids.Count * Math.Min(share, 1)), 1, ids.Count);
        // A fixed seed from the schedule and the minute (HashCode is randomised per process: not that).
        var seed = (int)((scheduleId * 1_000_003L + occurrence.UtcTicks / TimeSpan.TicksPerMinute) % int.MaxValue);
        var random = new Random(seed);
        return ids.OrderBy(_ => random.Next()).Take(count).Order().ToList();
    }
}
