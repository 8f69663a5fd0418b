namespace HallOps.Domain.Rounds;

/// <summary>Applies a person's work to a round: start it, complete it with its checks (SE2, SE4, HY2, HY4).</summary>
public static class RoundWork
{
    public static void Start(RoundInstance round, DateTimeOffset now, string by)
    {
        if (round.State == RoundState.Due)
        {
            round.State = RoundState.InProgress;
            round.StartedAt = now;
            round.StartedBy = by;
        }
    }

    /// <summary>
    /// Completes a round when <see cref="RoundRules.CheckCompletion"/> allows it: stores every item's
    /// result with the item's text as it is now, the score (without the items of a computer rule), done or late; the monitor then clears
    /// the round's overdue alert. Returns the problem and changes nothing when there is one.
    /// </summary>
    public static RoundProblem? Complete(
        RoundInstance round,
        IReadOnlyList<RoundTemplateItem> items,
        IReadOnlyList<(CheckEntry Entry, string? Photo)> entries,
        DateTimeOffset now,
        string by,
        string? outOfWindowReason)
    {
        var problem = RoundRules.CheckCompletion(items, entries.Select(e => e.Entry).ToList(), now, round.DueFrom, round.MissedAt, outOfWindowReason, round.State);
        if (problem is not null)
        {
            return problem;
        }
        var byOrder = entries.GroupBy(e => e.Entry.Order).ToDictionary(g => g.Key, g => g.Last());
        round.Checks = items.OrderBy(i => i.Order).Select(item =>
        {
            var (entry, photo) = byOrder[item.Order];
            return new RoundCheck
            {
                Order = item.Order, Text = item.Text, Result = entry.Result, Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim(),
                Photo = photo, CheckedAt = now, CheckedBy = by,
            };
        }).ToList();
        round.StartedAt ??= now;
        round.StartedBy ??= by;
        round.CompletedAt = now;
        round.CompletedBy = by;
        round.OutOfWindowReason = string.IsNullOrWhiteSpace(outOfWindowReason) ? null : outOfWindowReason.Trim();
        // Items of a computer rule (IT1, IT5) are IT findings, not hygiene: the score counts the rest (HY4).
        var itOrders = items.Where(i => RoundDefaults.IsItItem(i.Regulation)).Select(i => i.Order).ToHashSet();
        round.Score = RoundRules.Score(round.Checks.Where(c => !itOrders.Contains(c.Order)).Select(c => c.Result));
        round.State = RoundRules.CompletedState(now, round.DueBy);
        round.NextCheckAt = now;
        return null;
    }
}
