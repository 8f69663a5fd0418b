using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using HallOps.Domain.Coverage;
using HallOps.Domain.Jobs;
using HallOps.Web.Components.Pages.Wall;
using HallOps.Web.Wall;

namespace HallOps.Tests.Components;

/// <summary>
/// A wall snapshot's HTML, rendered once per snapshot and language for every screen: the footer's
/// figures (AB4, SC2.2, IT2) in the hall's language, the same HTML kept while the figures stay, and
/// the cards that changed since the HTML before named, so a screen updates those alone.
/// </summary>
public sealed class WallMarkupTests : WallPartTestBase
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    private static readonly WallWindowCard Staffed = new(
        Id: 41, Number: 5, Name: "医保", FloorId: 2, HomeUnit: "县医疗保障局", IsActive: true,
        AHolder: "张晓明", AEmployeeNo: "YB-0107", BHolders: "李静", MissingBackup: false,
        State: CoverageState.ByA, CoveringName: null, CoveringEmployeeNo: null, Alert: null);

    private static readonly WallWindowCard Other = Staffed with { Id = 42, Number = 6, Name = "社保", AHolder = "王建华", AEmployeeNo = "SB-0201" };

    private static readonly WallCounts Quiet = new(Open: 2, Total: 2, CoveredByB: 0, Gaps: 0, GapMinutesToday: 0, ConfigGaps: 0, PredictedGapsNextDay: 0, OpenAlerts: 0);

    [Fact]
    public async Task TheFooter_CountsTheDay_InTheHallsLanguage_AB4_IT2()
    {
        var markup = Markup();
        var counts = Quiet with { Open = 1, Gaps = 1, GapMinutesToday = 25, PredictedGapsNextDay = 2 };

        var html = await markup.RenderAsync(Snapshot([Staffed, Other], counts) with { PredictedGapWindows = [5, 6], OpenItIncidents = 1 }, Chinese);

        var footer = Ctx.Render<WallFooter>(p => p.Add(f => f.Html, html.Footer)).Find("footer.wall-footer");
        Assert.Contains("is-bad", footer.QuerySelector(".wall-count-gap")!.ClassList);
        Assert.Equal("空岗 1（今日累计 25 分钟）", Text(footer.QuerySelector(".wall-count-gap")!.TextContent));
        Assert.Equal(["wall-count-predicted", "is-warn"], footer.QuerySelector(".wall-count-predicted")!.ClassList);
        Assert.Equal("下一工作日预计空岗 2（5、6号窗口）", Text(footer.QuerySelector(".wall-count-predicted")!.TextContent));
        Assert.NotNull(footer.QuerySelector("[data-count=\"it-incidents\"]"));
    }

    [Fact]
    public async Task AnEventThatChangesOneCard_NamesThatCardAlone_AndTheFooterKeepsItsHtmlWhileTheFiguresStay_AB4()
    {
        var markup = Markup();
        var first = await markup.RenderAsync(Snapshot([Staffed, Other], Quiet), Chinese);

        // A leaves window 5 and B takes over: one card changes, the footer's B count with it.
        var covered = Staffed with { State = CoverageState.ByB, CoveringName = "李静", CoveringEmployeeNo = "YB-0108" };
        var second = await markup.RenderAsync(Snapshot([covered, Other with { }], Quiet with { CoveredByB = 1 }), Chinese);

        Assert.Equal(first.Id, second.PreviousId);
        Assert.Equal([covered.Id], second.ChangedCards);
        Assert.Same(first.Cards[Other.Id], second.Cards[Other.Id]);
        Assert.NotSame(first.Footer, second.Footer);
        Assert.NotEqual(first.Footer.Content.Value, second.Footer.Content.Value);

        // The same hall read again (new instances, equal values): nothing changed, nothing rendered anew.
        var third = await markup.RenderAsync(Snapshot([covered with { }, Other with { }], Quiet with { CoveredByB = 1 }), Chinese);

        Assert.Equal(second.Id, third.PreviousId);
        Assert.Empty(third.ChangedCards);
        Assert.Same(second.Footer, third.Footer);
        Assert.Same(second.Cards[covered.Id], third.Cards[covered.Id]);
    }

    [Fact]
    public async Task AScreenShowingTheFooter_RendersOnlyWhenTheFiguresChange()
    {
        var markup = Markup();
        var first = await markup.RenderAsync(Snapshot([Staffed], Quiet), Chinese);
        var cut = Ctx.Render<WallFooter>(p => p.Add(f => f.Html, first.Footer));
        var before = cut.RenderCount;

        var same = await markup.RenderAsync(Snapshot([Staffed with { }], Quiet with { }), Chinese);
        await cut.InvokeAsync(() => cut.Instance.Show(same.Footer));
        Assert.Equal(before, cut.RenderCount);

        var gap = await markup.RenderAsync(Snapshot([Staffed], Quiet with { Gaps = 1 }), Chinese);
        await cut.InvokeAsync(() => cut.Instance.Show(gap.Footer));
        Assert.Equal(before + 1, cut.RenderCount);
        Assert.Contains("is-bad", cut.Find(".wall-count-gap").ClassList);
    }

    private static WallSnapshot Snapshot(IReadOnlyList<WallWindowCard> cards, WallCounts counts) =>
        new([new WallFloor(2, 1, "一楼", [.. cards.Select(c => c.Id)])], cards.ToDictionary(c => c.Id), new WallJobs(JobsState.Alive, null), [], counts, Open: true, Columns: 6);

    private static string Text(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
