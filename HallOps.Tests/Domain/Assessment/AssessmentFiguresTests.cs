using HallOps.Domain.Accountability;
using HallOps.Domain.Assessment;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Assessment;

/// <summary>
/// 月度考核: the month's raw figures per window or person combined into rows and a ranking — the
/// on-time completion rate (TL5), overdue cases (TL5), one-time-notice breaches (OT2), gap and B-cover
/// minutes (AB4), hygiene (HY4), first inquiries and complaints (FQ, AC5), confirmed derelictions and
/// their sanctions (AC).
/// </summary>
public class AssessmentFiguresTests
{
    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(0, 10, 0.0)]
    [InlineData(10, 10, 100.0)]
    [InlineData(69, 70, 98.6)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    public void TL5_TheOnTimeRate_IsCompletedInTheLimitOverCompleted_OneDecimal_NoneWhenNothingCompleted(int onTime, int completed, double? rate) =>
        Assert.Equal(rate, AssessmentFigures.Rate(onTime, completed));

    /// <summary>One ranking case: two subjects that differ in one figure; the first given must rank first.</summary>
    public static TheoryData<string, AssessmentRaw> RankingRules => new()
    {
        // TL5: the higher on-time rate first, whatever else.
        { "TL5 rate", new AssessmentRaw { Completed = Map((1, 10), (2, 10)), CompletedOnTime = Map((1, 10), (2, 9)), Derelictions = Map((1, 2)) } },
        // TL5: no completed case ("—") comes after any rate, even 0 %.
        { "TL5 none last", new AssessmentRaw { Completed = Map((1, 4)), CompletedOnTime = Map((1, 0)) } },
        // AC: at an equal rate, fewer confirmed derelictions.
        { "AC derelictions", new AssessmentRaw { Completed = Map((1, 5), (2, 5)), CompletedOnTime = Map((1, 5), (2, 5)), Derelictions = Map((2, 1)), Overdue = Map((1, 3)) } },
        // TL5: then fewer overdue cases.
        { "TL5 overdue", new AssessmentRaw { Overdue = Map((2, 1)), NoticeBreaches = Map((1, 4)) } },
        // OT2 (AC2 type 1): then fewer one-time-notice breaches.
        { "OT2 breaches", new AssessmentRaw { NoticeBreaches = Map((2, 1)), HygieneScore = Scores((2, 100)) } },
        // HY4: then the higher hygiene score; none comes after any score.
        { "HY4 hygiene", new AssessmentRaw { HygieneScore = Scores((1, 90), (2, 80)), GapMinutes = Map((1, 300)) } },
        { "HY4 none last", new AssessmentRaw { HygieneScore = Scores((1, 40)) } },
        // AB4: then fewer gap minutes.
        { "AB4 gaps", new AssessmentRaw { GapMinutes = Map((2, 5)), ComplaintsUpheld = Map((1, 2)) } },
        // FQ, AC5: then fewer upheld complaints (complaints not upheld do not count against).
        { "AC5 upheld", new AssessmentRaw { ComplaintsUpheld = Map((2, 1)), Complaints = Map((1, 6), (2, 1)) } },
    };

    [Theory]
    [MemberData(nameof(RankingRules))]
    public void TL5_AC_OT2_HY4_AB4_TheRanking_ByRateThenDerelictionsOverdueBreachesHygieneGapsUpheldComplaints(string rule, AssessmentRaw raw)
    {
        // Given in the "wrong" order: the rule alone must put subject 1 first.
        var rows = AssessmentFigures.Rows([2, 1], raw);

        Assert.True(rows.Select(r => (r.Id, r.Rank)).SequenceEqual([(1, 1), (2, 2)]), rule);
    }

    [Fact]
    public void TheRanking_SharesARankOnATieAndSkipsTheNext_KeepingTheGivenOrder()
    {
        var raw = new AssessmentRaw
        {
            Completed = Map((1, 10), (2, 10), (3, 10), (4, 10)),
            CompletedOnTime = Map((1, 9), (2, 10), (3, 9), (4, 8)),
        };

        var rows = AssessmentFigures.Rows([1, 2, 3, 4], raw);

        Assert.Equal([(2, 1), (1, 2), (3, 2), (4, 4)], rows.Select(r => (r.Id, r.Rank)));
    }

    [Fact]
    public void TL5_AB4_HY4_FQ_AC_ARow_CarriesEveryFigure_AndASubjectWithNothingHasZerosAndDashes()
    {
        var raw = new AssessmentRaw
        {
            Accepted = Map((7, 12)),
            Completed = Map((7, 8)),
            CompletedOnTime = Map((7, 7)),
            Overdue = Map((7, 1)),
            NoticeBreaches = Map((7, 2)),
            GapMinutes = Map((7, 35)),
            BCoverMinutes = Map((7, 120)),
            HygieneScore = Scores((7, 92.5)),
            Exceptions = Map((7, 1)),
            Inquiries = Map((7, 30)),
            Complaints = Map((7, 3)),
            ComplaintsUpheld = Map((7, 1)),
            Derelictions = Map((7, 2)),
            Sanctions = new Dictionary<int, DerelictionSanctions> { [7] = DerelictionSanctions.Criticism | DerelictionSanctions.BonusWithheld },
        };

        var rows = AssessmentFigures.Rows([7, 8], raw);

        Assert.Equal(new AssessmentRow(7, 1, 12, 8, 7, 87.5, 1, 2, 35, 120, 92.5, 1, 30, 3, 1, 2,
            DerelictionSanctions.Criticism | DerelictionSanctions.BonusWithheld), rows[0]);
        Assert.Equal(new AssessmentRow(8, 2, 0, 0, 0, null, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, DerelictionSanctions.None), rows[1]);
    }

    [Fact]
    public void TheHallLine_SumsTheRows_RatesTheSummedCases_AveragesTheScoresPresent_AndJoinsTheSanctions()
    {
        var raw = new AssessmentRaw
        {
            Completed = Map((1, 10), (2, 30)),
            CompletedOnTime = Map((1, 10), (2, 27)),
            GapMinutes = Map((1, 5), (2, 10)),
            HygieneScore = Scores((1, 90), (2, 85)),
            Derelictions = Map((1, 1), (2, 1)),
            Sanctions = new Dictionary<int, DerelictionSanctions> { [1] = DerelictionSanctions.Criticism, [2] = DerelictionSanctions.Admonition },
        };

        var total = AssessmentFigures.Total(AssessmentFigures.Rows([1, 2, 3], raw));

        Assert.Equal((40, 37, 92.5, 15, 87.5, 2), (total.Completed, total.CompletedOnTime, total.OnTimeRate, total.GapMinutes, total.HygieneScore, total.Derelictions));
        Assert.Equal([DerelictionSanctions.Criticism, DerelictionSanctions.Admonition], AssessmentFigures.Each(total.Sanctions));
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-26", "2026-11-23")]
    [InlineData("2026-11-29", "2026-11-23")]
    [InlineData("2026-12-01", "2026-11-30")]
    public void TheWeeksSummary_StartsOnMonday(string date, string monday) =>
        Assert.Equal(Day(monday), AssessmentFigures.WeekStart(Day(date)));

    [Fact]
    public void TheTrend_IsTheMonthAndTheSixBefore_OldestFirst_AcrossTheYear() =>
        Assert.Equal(
            ["2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01"],
            AssessmentFigures.MonthsUpTo(Day("2026-12-15"), 7).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static Dictionary<int, int> Map(params (int Id, int Value)[] values) => values.ToDictionary(v => v.Id, v => v.Value);

    private static Dictionary<int, double?> Scores(params (int Id, double Value)[] values) => values.ToDictionary(v => v.Id, v => (double?)v.Value);
}
