using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using HallOps.Domain.Coverage;
using HallOps.Web.Components.Pages.Wall;
using HallOps.Web.Wall;

namespace HallOps.Tests.Components;

/// <summary>
/// One window's card on the wall, rendered on its own: each coverage state shows as a class (the
/// colour) and as words (colour-blind safe), in the hall's language; the staff on post are named
/// with their staff number (SC2.5); a post without a B is flagged (AB1); B covering is named (AB3);
/// a gap pulses until someone acknowledges it (AB4). A card renders again only when it changes.
/// </summary>
public sealed class WindowCardTests : WallPartTestBase
{
    /// <summary>Window 5, A on post with two Bs on file: the card every other case starts from.</summary>
    private static readonly WallWindowCard Staffed = new(
        Id: 41,
        Number: 5,
        Name: "医保",
        FloorId: 2,
        HomeUnit: "县医疗保障局",
        IsActive: true,
        AHolder: "张晓明",
        AEmployeeNo: "YB-0107",
        BHolders: "李静、王建华",
        MissingBackup: false,
        State: CoverageState.ByA,
        CoveringName: null,
        CoveringEmployeeNo: null,
        Alert: null);

    [Fact]
    public void AWindowWithAOnPost_IsStaffed_AndNamesAWithTheStaffNumber_AndItsBs_SC2_5()
    {
        var card = RenderCard(Staffed);

        Assert.Equal(["wall-card", "is-staffed"], card.ClassList);
        Assert.Equal("bya", card.GetAttribute("data-state"));
        Assert.Equal("5", card.GetAttribute("data-window"));
        Assert.Equal("5号窗口 医保", card.GetAttribute("aria-label"));
        Assert.Equal("05", Text(card, ".wall-card-number"));
        Assert.Equal("医保", Text(card, ".wall-card-name"));
        Assert.Equal("县医疗保障局", Text(card, ".wall-card-unit"));
        Assert.Equal("张晓明", Text(card, ".wall-card-a-name"));
        Assert.Equal("YB-0107", Text(card, ".wall-card-no"));
        Assert.Equal("B李静、王建华", Text(card, ".wall-card-backup"));
        Assert.Null(card.QuerySelector(".wall-card-gap"));
        Assert.Null(card.QuerySelector(".wall-card-gap-state"));
        Assert.Null(card.QuerySelector(".wall-card-state"));
    }

    [Fact]
    public void AWindowWithAOnPost_ButNoBOnFile_IsFlaggedAsAConfigurationGap_AB1()
    {
        var card = RenderCard(Staffed with { BHolders = "", MissingBackup = true });

        Assert.Equal(["wall-card", "is-config-gap"], card.ClassList);
        Assert.Equal("bya", card.GetAttribute("data-state"));
        Assert.Equal("⚠ 未配B岗", Text(card, ".wall-card-gap"));
        Assert.Null(card.QuerySelector(".wall-card-backup"));
        Assert.Equal("张晓明", Text(card, ".wall-card-a-name"));
        Assert.Equal("YB-0107", Text(card, ".wall-card-no"));
    }

    [Fact]
    public void AWindowCoveredByB_NamesTheCoveringBWithTheStaffNumber_AndShowsAAway_AB3_SC2_5()
    {
        var card = RenderCard(Staffed with { State = CoverageState.ByB, CoveringName = "李静", CoveringEmployeeNo = "YB-0112" });

        Assert.Equal(["wall-card", "is-covered-by-b"], card.ClassList);
        Assert.Equal("byb", card.GetAttribute("data-state"));
        Assert.Equal("B李静YB-0112 顶岗", Text(card, ".wall-card-holder"));
        Assert.Equal("李静", Text(card, ".wall-card-holder .wall-card-b-name"));
        Assert.Equal("YB-0112", Text(card, ".wall-card-holder .wall-card-no"));
        Assert.Equal("顶岗", Text(card, ".wall-card-holder .wall-card-note"));
        Assert.Equal("A张晓明 离岗", Text(card, ".wall-card-backup"));
        Assert.NotNull(card.QuerySelector(".wall-card-backup .wall-tag-away"));
        Assert.Null(card.QuerySelector(".wall-card-gap-state"));
    }

    [Fact]
    public void AGapNobodyHasAcknowledged_PulsesAsAGap_AndSaysUnacknowledged_AB4()
    {
        var card = RenderCard(Staffed with { State = CoverageState.Gap, Alert = new WallCardAlert(false, null, false) });

        Assert.Equal(["wall-card", "is-gap"], card.ClassList);
        Assert.Equal("gap", card.GetAttribute("data-state"));
        Assert.Equal("空岗！", Text(card, ".wall-card-gap-state"));
        Assert.Equal("未确认", Text(card, ".wall-card-ack"));
        Assert.Null(card.QuerySelector(".wall-card-holder"));
        Assert.Null(card.QuerySelector(".wall-card-backup"));
    }

    [Fact]
    public void AGapWhoseAlertIsNotRaisedYet_StillPulsesAsUnacknowledged_AB4()
    {
        var card = RenderCard(Staffed with { State = CoverageState.Gap, Alert = null });

        Assert.Equal(["wall-card", "is-gap"], card.ClassList);
        Assert.Equal("空岗！", Text(card, ".wall-card-gap-state"));
        Assert.Equal("未确认", Text(card, ".wall-card-ack"));
    }

    [Fact]
    public void AGapEscalatedWithoutAcknowledgement_SaysEscalated_AndKeepsPulsing_AB4()
    {
        var card = RenderCard(Staffed with { State = CoverageState.Gap, Alert = new WallCardAlert(false, null, true) });

        Assert.Equal(["wall-card", "is-gap"], card.ClassList);
        Assert.Equal("空岗！", Text(card, ".wall-card-gap-state"));
        Assert.Equal("已升级", Text(card, ".wall-card-ack"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnAcknowledgedGap_StopsPulsing_AndNamesWhoAcknowledgedIt_EvenAfterEscalation_AB4(bool escalated)
    {
        var card = RenderCard(Staffed with { State = CoverageState.Gap, Alert = new WallCardAlert(true, "李静", escalated) });

        Assert.Equal(["wall-card", "is-gap", "is-acked"], card.ClassList);
        Assert.Equal("gap", card.GetAttribute("data-state"));
        Assert.Equal("空岗！", Text(card, ".wall-card-gap-state"));
        Assert.Equal("已确认 · 李静", Text(card, ".wall-card-ack"));
    }

    [Fact]
    public void AnOpenWindowAfterHours_ShowsAsAfterHours_NotAsAGap()
    {
        var card = RenderCard(Staffed with { State = CoverageState.Closed });

        Assert.Equal(["wall-card", "is-after-hours"], card.ClassList);
        Assert.Equal("closed", card.GetAttribute("data-state"));
        Assert.Null(card.QuerySelector(".wall-card-gap-state"));
        Assert.Null(card.QuerySelector(".wall-card-state"));
        Assert.Equal("张晓明", Text(card, ".wall-card-a-name"));
    }

    [Theory]
    [InlineData(CoverageState.Closed, false)]
    [InlineData(CoverageState.Closed, true)]
    [InlineData(CoverageState.Gap, true)]
    [InlineData(CoverageState.ByA, false)]
    public void AWindowOutOfService_ShowsAsClosed_WhateverItsPostsAndConfiguration(CoverageState state, bool missingBackup)
    {
        var card = RenderCard(Staffed with
        {
            IsActive = false,
            State = state,
            MissingBackup = missingBackup,
            Alert = state == CoverageState.Gap ? new WallCardAlert(false, null, false) : null,
        });

        Assert.Equal(["wall-card", "is-closed"], card.ClassList);
        Assert.Equal("inactive", card.GetAttribute("data-state"));
        Assert.Equal("暂停服务", Text(card, ".wall-card-state"));
        Assert.Equal("05", Text(card, ".wall-card-number"));
        Assert.Null(card.QuerySelector(".wall-card-holder"));
        Assert.Null(card.QuerySelector(".wall-card-backup"));
        Assert.Null(card.QuerySelector(".wall-card-gap"));
        Assert.Null(card.QuerySelector(".wall-card-gap-state"));
    }

    [Theory]
    [InlineData(CoverageState.Gap, "is-gap")]
    [InlineData(CoverageState.ByB, "is-covered-by-b")]
    public void AGapOrBCovering_AtAWindowWithoutBOnFile_AlsoCarriesTheConfigurationGapFlag_AB1(CoverageState state, string stateClass)
    {
        var card = RenderCard(Staffed with
        {
            BHolders = "",
            MissingBackup = true,
            State = state,
            CoveringName = state == CoverageState.ByB ? "李静" : null,
            Alert = state == CoverageState.Gap ? new WallCardAlert(false, null, false) : null,
        });

        Assert.Equal(["wall-card", stateClass, "has-config-gap"], card.ClassList);
        Assert.Equal(state.ToString().ToLowerInvariant(), card.GetAttribute("data-state"));
    }

    [Fact]
    public async Task ShowingAnEqualCard_DoesNotRenderTheCardAgain()
    {
        var gap = Staffed with { State = CoverageState.Gap, Alert = new WallCardAlert(false, null, false) };
        var cut = Render(gap);
        var before = cut.RenderCount;
        var markup = cut.Markup;

        // A new snapshot builds new instances: equal by value, down to the alert.
        var equal = gap with { Alert = new WallCardAlert(false, null, false) };
        Assert.NotSame(gap, equal);
        await cut.InvokeAsync(() => cut.Instance.Show(Html(equal)));

        Assert.Equal(before, cut.RenderCount);
        Assert.Equal(markup, cut.Markup);
    }

    [Fact]
    public async Task ShowingAChangedCard_RendersTheCardOnce_WithTheChange_AB4()
    {
        var gap = Staffed with { State = CoverageState.Gap, Alert = new WallCardAlert(false, null, false) };
        var cut = Render(gap);
        var before = cut.RenderCount;

        var acknowledged = gap with { Alert = new WallCardAlert(true, "李静", false) };
        await cut.InvokeAsync(() => cut.Instance.Show(Html(acknowledged)));

        Assert.Equal(before + 1, cut.RenderCount);
        var card = cut.Find("article.wall-card");
        Assert.Equal(["wall-card", "is-gap", "is-acked"], card.ClassList);
        Assert.Equal("已确认 · 李静", Text(card, ".wall-card-ack"));

        // Shown again as it now is: nothing more to draw.
        await cut.InvokeAsync(() => cut.Instance.Show(Html(acknowledged with { })));
        Assert.Equal(before + 1, cut.RenderCount);
    }

    [Fact]
    public void TheGridRenderingAgainWithAnEqualCard_DoesNotRenderTheCardAgain()
    {
        var cut = Render(Staffed);
        var before = cut.RenderCount;

        cut.Render(p => p.Add(c => c.Html, Html(Staffed with { })));
        Assert.Equal(before, cut.RenderCount);

        var relieved = Staffed with { AHolder = "孙涛", AEmployeeNo = "YB-0210" };
        cut.Render(p => p.Add(c => c.Html, Html(relieved)));
        Assert.Equal(before + 1, cut.RenderCount);
        Assert.Equal("孙涛", Text(cut.Find("article.wall-card"), ".wall-card-a-name"));
        Assert.Equal("YB-0210", Text(cut.Find("article.wall-card"), ".wall-card-no"));
    }

    /// <summary>A screen's card showing <paramref name="card"/> (its HTML as the wall renders it for every screen).</summary>
    private IRenderedComponent<WindowCard> Render(WallWindowCard card) =>
        Ctx.Render<WindowCard>(p => p.Add(c => c.Html, Html(card)));

    /// <summary>The card's HTML in the hall's language, as the wall renders it once for every screen.</summary>
    private WallCardHtml Html(WallWindowCard card) =>
        Markup()
            .RenderAsync(card, new CultureInfo("zh-CN")).GetAwaiter().GetResult();

    /// <summary>Renders the card in the hall's language and returns its element.</summary>
    private IElement RenderCard(WallWindowCard card) => Render(card).Find("article.wall-card");

    /// <summary>The text of the one element matching <paramref name="selector"/>, runs of white space read as one space.</summary>
    private static string Text(IElement element, string selector) =>
        Regex.Replace(
            (element.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} in {element.OuterHtml}")).TextContent,
            @"\s+", " ").Trim();
}
