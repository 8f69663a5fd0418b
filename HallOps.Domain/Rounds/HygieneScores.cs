namespace HallOps.Domain.Rounds;

/// <summary>
/// A hygiene round as the monthly scores read it: an inspection (HY4) or a window's pre-work
/// self-check (HY2), on its hall-local date, with the window and the person it counts for.
/// </summary>
public sealed record HygieneRound(long Id, RoundKind Kind, int? WindowId, int? ResponsibleStaffId, DateOnly Date, RoundState State, int? Score, int FailedItems);

/// <summary>A rectification as the monthly scores read it: the round that raised it, its due date, the hall-local date it was reported done.</summary>
public sealed record HygieneRectification(long Id, long RoundId, DateOnly RaisedOn, DateOnly DueOn, DateOnly? DoneOn);

/// <summary>
/// One window's or one person's month (HY4): inspections completed, their average score and failed
/// items; rectifications done on time, late (done after the due date, or still not done past it)
/// and still open within their time; self-checks done and missed.
/// </summary>
public sealed record HygieneScoreLine(
    int Id,
    int Inspections,
    double? AverageScore,
    int FailedItems,
    int RectificationsOnTime,
    int RectificationsLate,
    int RectificationsOpen,
    int SelfChecksDone,
    int SelfChecksMissed);

/// <summary>The month's lines per window and per staff member.</summary>
public sealed record HygieneMonth(int Year, int Month, IReadOnlyList<HygieneScoreLine> Windows, IReadOnlyList<HygieneScoreLine> Staff);

/// <summary>
/// The monthly hygiene scores that feed the window and staff assessment (HY4: "results count in
/// window and staff assessment"; HY2: the daily self-check), as a pure function of the month's rounds
/// and rectifications:
/// <list type="bullet">
/// <item>a round belongs to the month of its hall-local date; only window rounds count (public areas are the cleaners', HY3);</item>
/// <item>an inspection counts once completed (done or late): its score (0–100) and failed items;</item>
/// <item>a rectification belongs to the month it was raised in and counts for the window and person of its inspection:
/// on time when done by its due date, late when done after it or still not done once it has passed, open otherwise;</item>
/// <item>a self-check counts as done (done or late) or missed; one still open is not counted yet.</item>
/// </list>
/// A window's lines go to the window; the person's to <see cref="RoundInstance.ResponsibleStaffId"/>, the A holder when it was planned.
/// <para>
/// Items of a computer rule on the inspection (<see cref="RoundTemplateItem.Regulation"/> "IT…", IT1, IT5) are not
/// hygiene: the stored score leaves them out (<see cref="RoundWork.Complete"/>), the failed items given here do not
/// count them, and they raise no rectification; they are counted as IT findings in the monthly assessment instead.
/// </para>
/// </summary>
public static class HygieneScores
{
    public static HygieneMonth Compute(int year, int month, DateOnly today, IEnumerable<HygieneRound> rounds, IEnumerable<HygieneRectification> rectifications)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        bool InMonth(DateOnly date) => date >= first && date < next;

        var windowRounds = rounds.Where(r => r.WindowId is not null).ToList();
        var byId = windowRounds.ToDictionary(r => r.Id);
        var monthRounds = windowRounds.Where(r => InMonth(r.Date)).ToList();
        var monthRectifications = rectifications
            .Where(r => InMonth(r.RaisedOn) && byId.ContainsKey(r.RoundId))
            .Select(r => (Rectification: r, Round: byId[r.RoundId]))
            .ToList();

        return new HygieneMonth(
            year, month,
            Lines(monthRounds, monthRectifications, r => r.WindowId, today),
            Lines(monthRounds, monthRectifications, r => r.ResponsibleStaffId, today));
    }

    /// <summary>How a rectification stands on <paramref name="today"/>: true on time, false late, null still open within its time.</summary>
    public static bool? OnTime(DateOnly dueOn, DateOnly? doneOn, DateOnly today) =>
        doneOn is { } done ? done <= dueOn : today > dueOn ? false : null;

    private static List<HygieneScoreLine> Lines(
        List<HygieneRound> rounds, List<(HygieneRectification Rectification, HygieneRound Round)> rectifications, Func<HygieneRound, int?> key, DateOnly today)
    {
        var ids = rounds.Select(key).Concat(rectifications.Select(r => key(r.Round))).OfType<int>().Distinct().Order();
        return ids.Select(id =>
        {
            var mine = rounds.Where(r => key(r) == id).ToList();
            var inspections = mine.Where(r => r.Kind == RoundKind.HygieneInspection && r.State is RoundState.Done or RoundState.Late).ToList();
            var selfChecks = mine.Where(r => r.Kind == RoundKind.HygieneSelfCheck).ToList();
            var standing = rectifications.Where(r => key(r.Round) == id)
                .Select(r => OnTime(r.Rectification.DueOn, r.Rectification.DoneOn, today)).ToList();
            var scored = inspections.Where(r => r.Score is not null).ToList();
            return new HygieneScoreLine(
                id,
                inspections.Count,
                scored.Count == 0 ? null : Math.Round(scored.Average(r => r.Score!.Value), 1, MidpointRounding.AwayFromZero),
                inspections.Sum(r => r.FailedItems),
                standing.Count(s => s == true),
                standing.Count(s => s == false),
                standing.Count(s => s is null),
                selfChecks.Count(r => r.State is RoundState.Done or RoundState.Late),
                selfChecks.Count(r => r.State == RoundState.Missed));
        }).ToList();
    }
}
