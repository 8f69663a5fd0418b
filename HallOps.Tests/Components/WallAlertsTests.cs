using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using HallOps.Domain.Alerts;
using HallOps.Web.Components.Pages.Wall;
using HallOps.Web.Wall;

namespace HallOps.Tests.Components;

/// <summary>
/// The wall's alert column, rendered on its own: newest first as given, each line naming its kind
/// (a gap, AB4; B to take over, AB3), the window, how long it has been open (ticked by the page
/// script from <c>data-since</c>), and whether and by whom it was acknowledged.
/// </summary>
public sealed class WallAlertsTests : WallPartTestBase
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>B must take over at window 3, raised 09:40 (01:40Z): the newest, unacknowledged.</summary>
    private static readonly WallAlert TakeOver = new(
        Id: 31, Kind: AlertKinds.TakeOver, Severity: AlertSeverity.Warning, WindowNumber: 3, WindowName: "户籍",
        RaisedAt: new DateTimeOffset(2026, 3, 2, 9, 40, 0, Beijing), AcknowledgedBy: null, AcknowledgedAt: null, Escalated: false);

    /// <summary>A gap at window 7, raised 09:25 (01:25Z), escalated because nobody acknowledged it.</summary>
    private static readonly WallAlert EscalatedGap = new(
        Id: 17, Kind: AlertKinds.CoverageGap, Severity: AlertSeverity.Critical, WindowNumber: 7, WindowName: "婚姻登记",
        RaisedAt: new DateTimeOffset(2026, 3, 2, 9, 25, 0, Beijing), AcknowledgedBy: null, AcknowledgedAt: null, Escalated: true);

    /// <summary>A gap at window 12, raised 09:10 (01:10Z), acknowledged by 王建华 at 09:20.</summary>
    private static readonly WallAlert AcknowledgedGap = new(
        Id: 24, Kind: AlertKinds.CoverageGap, Severity: AlertSeverity.Critical, WindowNumber: 12, WindowName: "出入境",
        RaisedAt: new DateTimeOffset(2026, 3, 2, 9, 10, 0, Beijing), AcknowledgedBy: "王建华",
        AcknowledgedAt: new DateTimeOffset(2026, 3, 2, 9, 20, 0, Beijing), Escalated: false);

    [Fact]
    public void WithNoOpenAlert_TheColumnSaysSo_AndCountsZero()
    {
        var cut = Render([], total: 0);

        Assert.Equal("待处理告警 (0)", Text(cut.Find(".wall-alerts"), ".wall-alerts-title"));
        Assert.Equal("待处理告警 (0)", cut.Find("section.wall-alerts").GetAttribute("aria-label"));
        Assert.Equal("当前没有待处理告警", Text(cut.Find(".wall-alerts"), ".wall-alerts-none"));
        Assert.Empty(cut.FindAll(".wall-alert"));
    }

    [Fact]
    public void OpenAlerts_ShowNewestFirstAsGiven_EachWithKindWindowAndAge_AB3_AB4()
    {
        var cut = Render([TakeOver, EscalatedGap, AcknowledgedGap], total: 15);

        // The title counts every open alert, not only the lines the column has room for.
        Assert.Equal("待处理告警 (15)", Text(cut.Find(".wall-alerts"), ".wall-alerts-title"));
        Assert.Empty(cut.FindAll(".wall-alerts-none"));
        Assert.Equal(["31", "17", "24"], cut.FindAll(".wall-alert").Select(a => a.GetAttribute("data-alert")));

        var takeOver = AlertOf(cut, 31);
        Assert.Equal("B岗须顶岗", Text(takeOver, ".wall-alert-kind"));
        Assert.Equal("3号窗口 户籍", Text(takeOver, ".wall-alert-window"));
        AssertAge(takeOver, since: 1772415600000);

        var escalated = AlertOf(cut, 17);
        Assert.Equal("空岗", Text(escalated, ".wall-alert-kind"));
        Assert.Equal("7号窗口 婚姻登记", Text(escalated, ".wall-alert-window"));
        AssertAge(escalated, since: 1772414700000);

        var acknowledged = AlertOf(cut, 24);
        Assert.Equal("空岗", Text(acknowledged, ".wall-alert-kind"));
        Assert.Equal("12号窗口 出入境", Text(acknowledged, ".wall-alert-window"));
        AssertAge(acknowledged, since: 1772413800000);
    }

    [Fact]
    public void ACriticalAlertNobodyAcknowledged_IsCriticalAndNew_AB4()
    {
        var cut = Render([EscalatedGap with { Escalated = false }], total: 1);

        var line = AlertOf(cut, 17);
        Assert.Equal(["wall-alert", "is-critical", "is-new"], line.ClassList);
        Assert.Equal("未确认", Text(line, ".wall-alert-ack"));
        Assert.Null(line.QuerySelector(".wall-alert-escalated"));
    }

    [Fact]
    public void AWarningNobodyAcknowledged_IsNewButNotCritical_AB3()
    {
        var cut = Render([TakeOver], total: 1);

        var line = AlertOf(cut, 31);
        Assert.Equal(["wall-alert", "is-warning", "is-new"], line.ClassList);
        Assert.Equal("未确认", Text(line, ".wall-alert-ack"));
    }

    [Fact]
    public void AnAcknowledgedAlert_NamesWhoAcknowledgedIt_AndIsNoLongerNew_AB4()
    {
        var cut = Render([AcknowledgedGap, AcknowledgedGap with { Id = 25, Escalated = true, AcknowledgedBy = "李静" }], total: 2);

        var line = AlertOf(cut, 24);
        Assert.Equal(["wall-alert", "is-critical"], line.ClassList);
        Assert.Equal("已确认 · 王建华", Text(line, ".wall-alert-ack"));

        // Acknowledged after it was escalated: the acknowledgement is what the wall shows.
        var late = AlertOf(cut, 25);
        Assert.DoesNotContain("is-new", late.ClassList);
        Assert.Equal("已确认 · 李静", Text(late, ".wall-alert-ack"));
        Assert.Null(late.QuerySelector(".wall-alert-escalated"));
    }

    [Fact]
    public void AnEscalatedAlertNobodyAcknowledged_SaysUnacknowledgedAndEscalated_AB4()
    {
        var cut = Render([EscalatedGap], total: 1);

        var line = AlertOf(cut, 17);
        Assert.Equal(["wall-alert", "is-critical", "is-new"], line.ClassList);
        Assert.Equal("未确认 · 已升级", Text(line, ".wall-alert-ack"));
        Assert.Equal("· 已升级", Text(line, ".wall-alert-escalated"));
    }

    /// <summary>Renders the column in the hall's language.</summary>
    [Fact]
    public void ANewSnapshotWithTheSameAlerts_RendersNothing_AChangedAlertChangesOnlyItsLine()
    {
        var cut = Render([TakeOver, EscalatedGap], total: 2);
        var shown = cut.Instance.Html;
        var renders = cut.RenderCount;

        // The wall re-reads its snapshot: new lists, equal alerts.
        cut.Render(p => p.Add(c => c.Html, Html([TakeOver with { }, EscalatedGap with { }], total: 2)));
        Assert.Equal(renders, cut.RenderCount);

        var acknowledged = TakeOver with { AcknowledgedBy = "李静", AcknowledgedAt = TakeOver.RaisedAt.AddMinutes(1) };
        var next = Html([acknowledged, EscalatedGap], total: 2, previous: shown);
        cut.Render(p => p.Add(c => c.Html, next));

        Assert.Equal(renders + 1, cut.RenderCount);
        Assert.Equal("已确认 · 李静", Text(AlertOf(cut, 31), ".wall-alert-ack"));
        // The unchanged line is the same HTML as before for every screen: the render sends nothing for it.
        Assert.Same(shown.Lines[1], next.Lines[1]);
        Assert.NotSame(shown.Lines[0], next.Lines[0]);
        Assert.Same(shown.Lines[0].Key, next.Lines[0].Key);
    }

    /// <summary>A new alert costs every screen its own line: the lines already shown stay the same HTML.</summary>
    [Fact]
    public void ANewAlert_AddsItsLine_AndTheLinesAlreadyShownStayTheSame()
    {
        var cut = Render([EscalatedGap], total: 1);
        var shown = cut.Instance.Html;

        var next = Html([TakeOver, EscalatedGap], total: 2, previous: shown);
        cut.Render(p => p.Add(c => c.Html, next));

        Assert.Equal(["31", "17"], cut.FindAll(".wall-alert").Select(line => line.GetAttribute("data-alert")));
        Assert.Same(shown.Lines[0], next.Lines[1]);
        Assert.Equal("待处理告警 (2)", cut.Find(".wall-alerts-title").TextContent.Trim());
    }

    private IRenderedComponent<WallAlerts> Render(IReadOnlyList<WallAlert> alerts, int total)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        return Ctx.Render<WallAlerts>(p => p.Add(c => c.Html, Html(alerts, total)));
    }

    /// <summary>The column's HTML in the hall's language, as the wall renders it once for every screen.</summary>
    private WallAlertsHtml Html(IReadOnlyList<WallAlert> alerts, int total, WallAlertsHtml? previous = null) =>
        Markup()
            .RenderAsync(alerts, total, new CultureInfo("zh-CN"), previous).GetAwaiter().GetResult();

    private static IElement AlertOf(IRenderedComponent<WallAlerts> cut, long id) => cut.Find($".wall-alert[data-alert='{id}']");

    /// <summary>The age is left to the page script: the raise time in Unix milliseconds and the hall's words for "N minutes".</summary>
    private static void AssertAge(IElement line, long since)
    {
        var age = line.QuerySelector(".wall-alert-age") ?? throw new InvalidOperationException($"No age in {line.OuterHtml}");
        Assert.Equal(since.ToString(CultureInfo.InvariantCulture), age.GetAttribute("data-since"));
        Assert.Equal("{0}分钟", age.GetAttribute("data-template"));
    }

    /// <summary>The text of the one element matching <paramref name="selector"/>, runs of white space read as one space.</summary>
    private static string Text(IElement element, string selector) =>
        Regex.Replace(
            (element.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} in {element.OuterHtml}")).TextContent,
            @"\s+", " ").Trim();
}
