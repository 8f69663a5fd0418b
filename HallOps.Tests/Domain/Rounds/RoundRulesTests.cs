using HallOps.Domain.Rounds;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Rounds;

/// <summary>
/// The round engine's lines (SE2, SE4, HY2, HY4): due until the due-by line, overdue (alert) until
/// the missed line, missed after it, like a heartbeat that did not arrive; done or late once
/// completed; a completion names every item, says what failed (with a photo where asked) and gives a
/// reason outside its time window.
/// </summary>
public class RoundRulesTests
{
    private static readonly DateTimeOffset DueFrom = Instant("2026-11-26T17:00+08:00");
    private static readonly DateTimeOffset DueBy = Instant("2026-11-26T17:30+08:00");
    private static readonly DateTimeOffset MissedAt = Instant("2026-11-26T18:30+08:00");

    [Theory]
    [InlineData("2026-11-26T16:00+08:00", false, RoundState.Due, false)]
    [InlineData("2026-11-26T17:10+08:00", true, RoundState.InProgress, false)]
    [InlineData("2026-11-26T17:30+08:00", false, RoundState.Due, true)]
    [InlineData("2026-11-26T18:29+08:00", true, RoundState.InProgress, true)]
    [InlineData("2026-11-26T18:30+08:00", false, RoundState.Missed, false)]
    [InlineData("2026-11-26T23:00+08:00", true, RoundState.Missed, false)]
    public void SE4_AnOpenRound_IsDueThenOverdueThenMissed(string now, bool started, RoundState state, bool overdue)
    {
        Assert.Equal(state, RoundRules.OpenStateAt(Instant(now), MissedAt, started));
        Assert.Equal(overdue, RoundRules.IsOverdue(Instant(now), DueBy, MissedAt));
    }

    [Theory]
    [InlineData(RoundState.Due, "2026-11-26T18:29+08:00", RoundState.Due)]
    [InlineData(RoundState.InProgress, "2026-11-26T18:29+08:00", RoundState.InProgress)]
    [InlineData(RoundState.Due, "2026-11-26T18:30+08:00", RoundState.Missed)]
    [InlineData(RoundState.InProgress, "2026-11-27T00:16+08:00", RoundState.Missed)]
    [InlineData(RoundState.Done, "2026-11-27T00:16+08:00", RoundState.Done)]
    [InlineData(RoundState.Late, "2026-11-27T00:16+08:00", RoundState.Late)]
    [InlineData(RoundState.Missed, "2026-11-26T18:00+08:00", RoundState.Missed)]
    public void SE2_2_AScreenShowsARoundPastItsMissedLineAsMissed_BeforeTheMonitorStoresIt(RoundState stored, string now, RoundState shown) =>
        Assert.Equal(shown, RoundRules.StateAt(stored, Instant(now), MissedAt));

    [Theory]
    [InlineData("2026-11-26T17:20+08:00", RoundState.Done)]
    [InlineData("2026-11-26T17:30+08:00", RoundState.Done)]
    [InlineData("2026-11-26T17:31+08:00", RoundState.Late)]
    public void SE4_ACompletedRound_IsDoneByItsDueByLine_LateAfterIt(string completed, RoundState state) =>
        Assert.Equal(state, RoundRules.CompletedState(Instant(completed), DueBy));

    [Theory]
    [InlineData("2026-11-26T17:00+08:00", "2026-11-26T17:30+08:00")]
    [InlineData("2026-11-26T17:45+08:00", "2026-11-26T18:30+08:00")]
    [InlineData("2026-11-26T18:30+08:00", null)]
    public void TheMonitorLooksAgainAtTheNextLine(string now, string? next) =>
        Assert.Equal(next is null ? null : Instant(next), RoundRules.NextCheck(Instant(now), DueBy, MissedAt));

    private static readonly RoundTemplateItem[] Items =
    [
        new() { Order = 1, Text = "电脑、显示器、打印机已关闭" },
        new() { Order = 2, Text = "门窗已关好", PhotoOnFail = true },
        new() { Order = 3, Text = "现金未留存", NoteOnFail = false },
    ];

    public static TheoryData<string, CheckEntry[], string, string?, RoundState, RoundProblem?> Completions => new()
    {
        { "all passed in time", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Pass, null, false), new(3, CheckResult.NotApplicable, null, false)], "2026-11-26T17:10+08:00", null, RoundState.Due, null },
        { "an item left out", [new(1, CheckResult.Pass, null, false), new(3, CheckResult.Pass, null, false)], "2026-11-26T17:10+08:00", null, RoundState.Due, RoundProblem.ItemsMissing },
        { "a fail without a note", [new(1, CheckResult.Fail, " ", false), new(2, CheckResult.Pass, null, false), new(3, CheckResult.Pass, null, false)], "2026-11-26T17:10+08:00", null, RoundState.Due, RoundProblem.FailWithoutNote },
        { "a fail without its photo", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Fail, "窗未关", false), new(3, CheckResult.Pass, null, false)], "2026-11-26T17:10+08:00", null, RoundState.Due, RoundProblem.FailWithoutPhoto },
        { "a fail with note and photo", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Fail, "窗未关", true), new(3, CheckResult.Pass, null, false)], "2026-11-26T17:10+08:00", null, RoundState.InProgress, null },
        { "a fail needing no note", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Pass, null, false), new(3, CheckResult.Fail, null, false)], "2026-11-26T17:10+08:00", null, RoundState.Due, null },
        { "before its window, no reason", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Pass, null, false), new(3, CheckResult.Pass, null, false)], "2026-11-26T16:00+08:00", null, RoundState.Due, RoundProblem.OutOfWindowWithoutReason },
        { "before its window, with a reason", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Pass, null, false), new(3, CheckResult.Pass, null, false)], "2026-11-26T16:00+08:00", "提前下班，经股长同意", RoundState.Due, null },
        { "late but not missed", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Pass, null, false), new(3, CheckResult.Pass, null, false)], "2026-11-26T18:00+08:00", null, RoundState.Due, null },
        { "already done", [new(1, CheckResult.Pass, null, false), new(2, CheckResult.Pass, null, false), new(3, CheckResult.Pass, null, false)], "2026-11-26T17:10+08:00", null, RoundState.Done, RoundProblem.AlreadySettled },
    };

    [Theory]
    [MemberData(nameof(Completions))]
    public void SE4_HY2_ACompletionIsChecked(string _, CheckEntry[] entries, string now, string? reason, RoundState state, RoundProblem? problem) =>
        Assert.Equal(problem, RoundRules.CheckCompletion(Items, entries, Instant(now), DueFrom, MissedAt, reason, state));

    [Theory]
    [InlineData(100, CheckResult.Pass, CheckResult.Pass)]
    [InlineData(50, CheckResult.Pass, CheckResult.Fail, CheckResult.NotApplicable)]
    [InlineData(67, CheckResult.Pass, CheckResult.Pass, CheckResult.Fail)]
    [InlineData(100, CheckResult.NotApplicable)]
    public void HY4_TheScoreIsThePassedShareOfTheApplicableItems(int score, params CheckResult[] results) =>
        Assert.Equal(score, RoundRules.Score(results));

    [Fact]
    public void HY4_ASampleOfWindows_IsTheShareAsked_AndTheSameEveryTimeForOneOccurrence()
    {
        var windows = Enumerable.Range(1, 24).ToList();
        var at = Instant("2026-11-30T09:00+08:00");

        var sample = RoundRules.Sample(windows, 1.0 / 3, 4, at);

        Assert.Equal(8, sample.Count);
        Assert.All(sample, id => Assert.Contains(id, windows));
        Assert.Equal(sample, RoundRules.Sample(windows.AsEnumerable().Reverse(), 1.0 / 3, 4, at));
        Assert.NotEqual(sample, RoundRules.Sample(windows, 1.0 / 3, 4, at.AddDays(7)));
        Assert.Single(RoundRules.Sample([5], 0.1, 4, at));
        Assert.Empty(RoundRules.Sample([], 0.5, 4, at));
    }
}
