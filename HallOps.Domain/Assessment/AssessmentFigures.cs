using HallOps.Domain.Accountability;

namespace HallOps.Domain.Assessment;

/// <summary>
/// A month's raw figures, each keyed by window id or by staff id (what the database's grouped
/// queries return). A subject missing from a map has zero of it (no hygiene score: none).
/// </summary>
public sealed record AssessmentRaw
{
    /// <summary>Cases accepted (受理) in the month (TL0).</summary>
    public IReadOnlyDictionary<int, int> Accepted { get; init; } = Empty;

    /// <summary>Cases completed (办结) in the month (TL5).</summary>
    public IReadOnlyDictionary<int, int> Completed { get; init; } = Empty;

    /// <summary>Of those, completed by their due time.</summary>
    public IReadOnlyDictionary<int, int> CompletedOnTime { get; init; } = Empty;

    /// <summary>Cases whose due time fell in the month (and has passed) without being completed by it (TL5).</summary>
    public IReadOnlyDictionary<int, int> Overdue { get; init; } = Empty;

    /// <summary>One-time-notice breaches (OT2, AC2 type 1) raised in the month and not dismissed.</summary>
    public IReadOnlyDictionary<int, int> NoticeBreaches { get; init; } = Empty;

    /// <summary>Minutes of gap (空岗) in opening hours (AB4).</summary>
    public IReadOnlyDictionary<int, int> GapMinutes { get; init; } = Empty;

    /// <summary>Minutes covered by a B (顶岗, AB3).</summary>
    public IReadOnlyDictionary<int, int> BCoverMinutes { get; init; } = Empty;

    /// <summary>The month's average hygiene inspection score, as the hygiene score page computes it (HY4).</summary>
    public IReadOnlyDictionary<int, double?> HygieneScore { get; init; } = new Dictionary<int, double?>();

    /// <summary>Exceptions found on shutdown checks and evening rounds (SE2.2, SE4).</summary>
    public IReadOnlyDictionary<int, int> Exceptions { get; init; } = Empty;

    /// <summary>First inquiries logged (FQ1).</summary>
    public IReadOnlyDictionary<int, int> Inquiries { get; init; } = Empty;

    /// <summary>IT findings (计算机网络违规, IT1, IT5): failed inspection items of a computer rule; not part of the hygiene score.</summary>
    public IReadOnlyDictionary<int, int> ItFindings { get; init; } = Empty;

    /// <summary>Complaints and reports received (AC5).</summary>
    public IReadOnlyDictionary<int, int> Complaints { get; init; } = Empty;

    /// <summary>Of those, found upheld or partly upheld.</summary>
    public IReadOnlyDictionary<int, int> ComplaintsUpheld { get; init; } = Empty;

    /// <summary>Confirmed derelictions decided in the month (AC1–AC4).</summary>
    public IReadOnlyDictionary<int, int> Derelictions { get; init; } = Empty;

    /// <summary>The sanctions of those, together (AC4).</summary>
    public IReadOnlyDictionary<int, DerelictionSanctions> Sanctions { get; init; } = new Dictionary<int, DerelictionSanctions>();

    private static readonly IReadOnlyDictionary<int, int> Empty = new Dictionary<int, int>();
}

/// <summary>
/// One window's or one person's month, with its rank. <see cref="OnTimeRate"/> is a percentage with
/// one decimal, null ("—") when nothing was completed. <see cref="ItFindings"/> (IT1, IT5) is shown,
/// not ranked.
/// </summary>
public sealed record AssessmentRow(
    int Id,
    int Rank,
    int Accepted,
    int Completed,
    int CompletedOnTime,
    double? OnTimeRate,
    int Overdue,
    int NoticeBreaches,
    int GapMinutes,
    int BCoverMinutes,
    double? HygieneScore,
    int Exceptions,
    int Inquiries,
    int Complaints,
    int ComplaintsUpheld,
    int Derelictions,
    DerelictionSanctions Sanctions,
    int ItFindings = 0);

/// <summary>
/// 月度考核 — the monthly assessment per window and per staff member that the county efficiency
/// office and assessment office ask for, as a pure function of the month's raw figures.
/// <para>
/// The ranking rule (名次): a higher on-time completion rate first (TL5; a subject with no completed
/// case has no rate and comes after every subject with one); then fewer confirmed derelictions (AC);
/// then fewer overdue cases (TL5); then fewer one-time-notice breaches (OT2); then a higher hygiene
/// score (HY4; none comes last); then fewer gap minutes (AB4); then fewer upheld complaints (FQ, AC5).
/// Subjects equal on all of these share a rank, and the next rank skips (1, 2, 2, 4).
/// </para>
/// </summary>
public static class AssessmentFigures
{
    /// <summary>
    /// The rows of the given subjects (every one appears, zeros when the month has nothing for it), in
    /// rank order; equal ranks keep the order the subjects were given in (window number, employee number).
    /// </summary>
    public static IReadOnlyList<AssessmentRow> Rows(IEnumerable<int> subjects, AssessmentRaw raw)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(raw);
        var unranked = subjects.Distinct().Select(id => Row(id, raw)).ToList();
        var ordered = unranked
            .Select((row, index) => (Row: row, Index: index))
            .OrderBy(x => x.Row, RankOrder)
            .ThenBy(x => x.Index)
            .Select(x => x.Row)
            .ToList();
        var rows = new List<AssessmentRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && RankOrder.Compare(ordered[i - 1], ordered[i]) == 0 ? rows[i - 1].Rank : i + 1;
            rows.Add(ordered[i] with { Rank = rank });
        }
        return rows;
    }

    /// <summary>
    /// The hall's line: the sums, the rate of the summed cases, the average of the subjects' hygiene
    /// scores (one decimal), every sanction. Its rank is 0 (not ranked).
    /// </summary>
    public static AssessmentRow Total(IEnumerable<AssessmentRow> rows)
    {
        var list = rows.ToList();
        var completed = list.Sum(r => r.Completed);
        var onTime = list.Sum(r => r.CompletedOnTime);
        var scores = list.Where(r => r.HygieneScore is not null).Select(r => r.HygieneScore!.Value).ToList();
        return new AssessmentRow(
            0, 0,
            list.Sum(r => r.Accepted), completed, onTime, Rate(onTime, completed),
            list.Sum(r => r.Overdue), list.Sum(r => r.NoticeBreaches), list.Sum(r => r.GapMinutes), list.Sum(r => r.BCoverMinutes),
            scores.Count == 0 ? null : Math.Round(scores.Average(), 1, MidpointRounding.AwayFromZero),
            list.Sum(r => r.Exceptions), list.Sum(r => r.Inquiries), list.Sum(r => r.Complaints), list.Sum(r => r.ComplaintsUpheld),
            list.Sum(r => r.Derelictions), list.Aggregate(DerelictionSanctions.None, (all, r) => all | r.Sanctions), list.Sum(r => r.ItFindings));
    }

    /// <summary>The on-time rate in percent with one decimal (TL5); null when nothing was completed.</summary>
    public static double? Rate(int onTime, int completed) =>
        completed <= 0 ? null : Math.Round(100.0 * Math.Min(onTime, completed) / completed, 1, MidpointRounding.AwayFromZero);

    /// <summary>The sanctions of a flags value one by one, in AC4's order.</summary>
    public static IReadOnlyList<DerelictionSanctions> Each(DerelictionSanctions sanctions) =>
        Enum.GetValues<DerelictionSanctions>().Where(s => s != DerelictionSanctions.None && sanctions.HasFlag(s)).ToList();

    /// <summary>The Monday that starts the week of a hall-local date (the wall's 本周小结).</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The first days of <paramref name="count"/> months ending with the month of <paramref name="month"/>, oldest first (the trend).</summary>
    public static IReadOnlyList<DateOnly> MonthsUpTo(DateOnly month, int count)
    {
        var last = new DateOnly(month.Year, month.Month, 1);
        return Enumerable.Range(0, Math.Max(0, count)).Select(i => last.AddMonths(i - count + 1)).ToList();
    }

    /// <summary>Better first, by the ranking rule; 0 when two rows rank equal.</summary>
    public static readonly IComparer<AssessmentRow> RankOrder = Comparer<AssessmentRow>.Create((a, b) =>
    {
        int c;
        if ((c = Descending(a.OnTimeRate, b.OnTimeRate)) != 0) return c;
        if ((c = a.Derelictions.CompareTo(b.Derelictions)) != 0) return c;
        if ((c = a.Overdue.CompareTo(b.Overdue)) != 0) return c;
        if ((c = a.NoticeBreaches.CompareTo(b.NoticeBreaches)) != 0) return c;
        if ((c = Descending(a.HygieneScore, b.HygieneScore)) != 0) return c;
        if ((c = a.GapMinutes.CompareTo(b.GapMinutes)) != 0) return c;
        return a.ComplaintsUpheld.CompareTo(b.ComplaintsUpheld);
    });

    /// <summary>Higher first; a missing value after every present one.</summary>
    private static int Descending(double? a, double? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => b!.Value.CompareTo(a!.Value),
    };

    private static AssessmentRow Row(int id, AssessmentRaw raw)
    {
        int Get(IReadOnlyDictionary<int, int> map) => map.TryGetValue(id, out var value) ? value : 0;
        var completed = Get(raw.Completed);
        var onTime = Get(raw.CompletedOnTime);
        return new AssessmentRow(
            id, 0,
            Get(raw.Accepted), completed, onTime, Rate(onTime, completed),
            Get(raw.Overdue), Get(raw.NoticeBreaches), Get(raw.GapMinutes), Get(raw.BCoverMinutes),
            raw.HygieneScore.GetValueOrDefault(id),
            Get(raw.Exceptions), Get(raw.Inquiries), Get(raw.Complaints), Get(raw.ComplaintsUpheld),
            Get(raw.Derelictions), raw.Sanctions.GetValueOrDefault(id), Get(raw.ItFindings));
    }
}
