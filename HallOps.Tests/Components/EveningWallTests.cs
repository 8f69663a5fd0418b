using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using HallOps.Domain.Rounds;
using HallOps.Web;
using HallOps.Web.Components.Pages.Wall;
using HallOps.Web.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace HallOps.Tests.Components;

/// <summary>
/// The wall's evening parts, rendered on their own (SE2.2, SE4, SE7, HY2): a window's shutdown
/// state as a colour (class), a word and an icon, with who did it and when; a floor's evening
/// rounds and windows verified; the guard on duty, or a red 无人值班; the open exceptions and
/// hazard reports; the pre-work self-check strip. Times in the hall's zone.
/// </summary>
public sealed class EveningWallTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly EveningWindowCard Window7 = new(41, 7, "公积金", ShutdownState.SelfChecked, "赵丽", At(17, 6), null);

    private readonly BunitContext _ctx = new();

    private static DateTimeOffset At(int hour, int minute, int day = 26) => new(2026, 11, day, hour, minute, 0, Beijing);

    public Task InitializeAsync()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _ctx.Services.AddSingleton(Options.Create(new HallOptions()));
        _ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(At(21, 50)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    public static TheoryData<ShutdownState, string, string, string, string?> States => new()
    {
        { ShutdownState.SelfChecked, "self-checked", "✓已自查", "赵丽 17:06", null },
        { ShutdownState.Verified, "verified", "✔已核查", "马国强 21:15", null },
        { ShutdownState.AwaitingGuard, "awaiting-guard", "◎待核查", "17:30 移交保安核查", null },
        { ShutdownState.Pending, "pending", "○待自查", "17:30前完成自查", null },
        { ShutdownState.Exception, "exception", "⚠异常", "", "打印机未关闭" },
        { ShutdownState.NoCheck, "no-check", "–无需检查", "", null },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void SE4_AWindowsShutdownState_ShowsAsAColourAWordAndWhoDidItWhen(ShutdownState state, string name, string word, string detail, string? note)
    {
        var card = state switch
        {
            ShutdownState.Verified => Window7 with { State = state, By = "马国强", At = At(21, 15) },
            ShutdownState.AwaitingGuard => Window7 with { State = state, By = null, At = At(17, 30) },
            ShutdownState.Pending => Window7 with { State = state, By = null, At = At(17, 30) },
            ShutdownState.Exception => Window7 with { State = state, By = "马国强", At = At(21, 12), Note = "打印机未关闭" },
            ShutdownState.NoCheck => Window7 with { State = state, By = null, At = null },
            _ => Window7,
        };

        var article = Render<ShutdownCard>(p => p.Add(c => c.Card, card)).Find("article");

        Assert.Equal(["wall-card", "wall-shutdown", $"is-{name}"], article.ClassList);
        Assert.Equal(name, article.GetAttribute("data-shutdown"));
        Assert.Equal("7", article.GetAttribute("data-window"));
        Assert.Equal("7号窗口 公积金", article.GetAttribute("aria-label"));
        Assert.Equal("07", Text(article, ".wall-card-number"));
        Assert.Equal("公积金", Text(article, ".wall-card-name"));
        Assert.Equal(word, Text(article, ".wall-shutdown-state"));
        Assert.Equal(detail, article.QuerySelector(".wall-shutdown-by")?.TextContent ?? "");
        Assert.Equal(note, article.QuerySelector(".wall-shutdown-note")?.TextContent);
    }

    [Fact]
    public void SE4_AWindowNotSelfCheckedAndNotYetHandedOver_SaysTheGuardIsToVerifyIt()
    {
        var article = Render<ShutdownCard>(p => p.Add(c => c.Card, Window7 with { State = ShutdownState.AwaitingGuard, By = null, At = null })).Find("article");

        Assert.Equal("未自查，交保安核查", Text(article, ".wall-shutdown-by"));
    }

    [Fact]
    public async Task AShutdownCard_RendersAgainOnlyWhenItChanges()
    {
        var cut = Render<ShutdownCard>(p => p.Add(c => c.Card, Window7));
        var renders = cut.RenderCount;

        await cut.InvokeAsync(() => cut.Instance.Show(Window7 with { }));
        Assert.Equal(renders, cut.RenderCount);

        await cut.InvokeAsync(() => cut.Instance.Show(Window7 with { State = ShutdownState.Verified, By = "马国强", At = At(21, 20) }));
        Assert.Equal(renders + 1, cut.RenderCount);
        Assert.Equal("verified", cut.Find("article").GetAttribute("data-shutdown"));
    }

    [Fact]
    public void SE2_2_AFloorsProgress_ShowsEachRoundWithItsTimeStateAndLabel_AndTheWindowsVerified()
    {
        var floor = new EveningFloor(3,
        [
            new EveningRoundLine(11, At(21, 0), EveningRoundState.Done, "马国强", 5, 5, 1, At(21, 4)),
            new EveningRoundLine(12, At(23, 30), EveningRoundState.InProgress, "马国强", 2, 5, 0, At(23, 33)),
        ], WindowsVerified: 3, WindowsToVerify: 5);

        var cut = Render<EveningFloorProgress>(p => p.Add(c => c.Floor, floor));

        Assert.Equal("3", cut.Find(".wall-rounds").GetAttribute("data-floor"));
        var done = cut.Find(".wall-round[data-round='11']");
        Assert.Equal("done", done.GetAttribute("data-state"));
        Assert.Contains("is-done", done.ClassList);
        Assert.Equal("21:00", Text(done, ".wall-round-time"));
        Assert.Equal("✓ 完成 马国强", Text(done, ".wall-round-state"));
        Assert.Equal("⚠ 异常 1", Text(done, ".wall-round-failed"));
        Assert.Equal("已扫码", Text(done, ".wall-round-scan"));
        var running = cut.Find(".wall-round[data-round='12']");
        Assert.Equal("23:30", Text(running, ".wall-round-time"));
        Assert.Equal("进行中 2/5", Text(running, ".wall-round-state"));
        Assert.Null(running.QuerySelector(".wall-round-failed"));
        var verify = cut.Find(".wall-round-verify");
        Assert.Equal("窗口核查 3/5", verify.TextContent);
        Assert.Contains("is-open", verify.ClassList);
    }

    public static TheoryData<EveningRoundState, string> RoundStates => new()
    {
        { EveningRoundState.Upcoming, "未开始" },
        { EveningRoundState.Due, "待巡查" },
        { EveningRoundState.InProgress, "进行中" },
        { EveningRoundState.Overdue, "已超时" },
        { EveningRoundState.Late, "✓ 超时完成 马国强" },
        { EveningRoundState.Missed, "✗ 漏巡" },
    };

    [Theory]
    [MemberData(nameof(RoundStates))]
    public void SE2_2_EachRoundStateHasItsWord_AndAnUnscannedLabelIsSaidOnceTheRoundIsUnderWay(EveningRoundState state, string word)
    {
        var floor = new EveningFloor(3, [new EveningRoundLine(11, At(21, 0), state, "马国强", 0, 5, 0, null)], 0, 0);

        var round = Render<EveningFloorProgress>(p => p.Add(c => c.Floor, floor)).Find(".wall-round");

        Assert.Equal(word, Text(round, ".wall-round-state"));
        Assert.Equal(state is EveningRoundState.InProgress or EveningRoundState.Late ? "未扫码" : null, round.QuerySelector(".wall-round-scan")?.TextContent);
    }

    [Fact]
    public void SE2_2_AFloorWithoutRoundsTonight_SaysSo_AndNoWindowToVerify_ShowsNoCount()
    {
        var cut = Render<EveningFloorProgress>(p => p.Add(c => c.Floor, new EveningFloor(3, [], 0, 0)));

        Assert.Equal("今晚无巡查安排", cut.Find(".wall-round").TextContent);
        Assert.Empty(cut.FindAll(".wall-round-verify"));
    }

    [Fact]
    public void SE2_1_TheGuardOnDuty_IsNamedWithTheTimeTheShiftBegan()
    {
        var cut = Render<WallGuard>(p => p.Add(c => c.Guard, new EveningGuard("马国强", At(8, 0))));

        var guard = cut.Find(".wall-guard");
        Assert.Equal("on", guard.GetAttribute("data-guard"));
        Assert.Equal("值班保安", Text(guard, ".wall-guard-label"));
        Assert.Equal("马国强", Text(guard, ".wall-guard-name"));
        Assert.Equal("自 08:00 起", Text(guard, ".wall-guard-since"));
    }

    [Fact]
    public void SE2_1_AShiftBegunOnAnEarlierDay_SaysTheDate()
    {
        var cut = Render<WallGuard>(p => p.Add(c => c.Guard, new EveningGuard("马国强", At(8, 0, day: 25))));

        Assert.Equal("自 11月25日 08:00 起", Text(cut.Find(".wall-guard"), ".wall-guard-since"));
    }

    [Fact]
    public void SE2_1_WithNobodyOnDuty_TheWallSaysSoInRed()
    {
        var cut = Render<WallGuard>(p => p.Add(c => c.Guard, null));

        var guard = cut.Find(".wall-guard");
        Assert.Equal("none", guard.GetAttribute("data-guard"));
        Assert.Contains("is-none", guard.ClassList);
        Assert.Equal("⚠ 无人值班", Text(guard, ".wall-guard-alarm"));
        Assert.Null(guard.QuerySelector(".wall-guard-name"));
    }

    [Fact]
    public void SE2_2_SE7_OpenExceptionsAndHazards_AreListedWithPlaceItemNoteFinderAndTime_AndTheRestCounted()
    {
        // An exception and a hazard report share an id: they are different lists.
        EveningException[] exceptions =
        [
            new(1, 9, "税务", "一楼", "下班断电检查", "打印机未关闭", "马国强", At(21, 12)),
            new(2, null, null, "二楼", "门窗已锁好", "二楼东侧窗户未关", "马国强", At(21, 50)),
            new(3, null, null, null, "消防通道畅通", "楼梯口堆放纸箱", "马国强", At(23, 40, day: 25)),
        ];
        EveningHazard[] hazards = [new(1, HazardKind.Hazard, "二楼安全出口", "应急照明灯不亮", "马国强", At(21, 40))];

        var cut = Render<WallExceptions>(p => p
            .Add(c => c.Exceptions, exceptions).Add(c => c.ExceptionTotal, 5)
            .Add(c => c.Hazards, hazards).Add(c => c.HazardTotal, 2));

        Assert.Equal("未关闭异常 (5)", Text(cut.Find(".wall-exceptions"), ".wall-exceptions-title"));
        var lines = cut.FindAll(".wall-exception");
        Assert.Equal(["1", "2", "3"], lines.Select(l => l.GetAttribute("data-exception")));
        Assert.Equal("9号窗口 税务", Text(lines[0], ".wall-exception-place"));
        Assert.Equal("下班断电检查", Text(lines[0], ".wall-exception-item"));
        Assert.Equal("打印机未关闭", Text(lines[0], ".wall-exception-note"));
        Assert.Equal("马国强", Text(lines[0], ".wall-exception-by"));
        Assert.Equal("21:12", Text(lines[0], ".wall-exception-time"));
        Assert.Equal("二楼", Text(lines[1], ".wall-exception-place"));
        Assert.Equal("11月25日 23:40", Text(lines[2], ".wall-exception-time"));
        Assert.Equal(["另有 2 条", "另有 1 条"], cut.FindAll(".wall-exceptions-more").Select(m => m.TextContent));
        Assert.Equal("安全隐患 (2)", cut.Find(".wall-hazards-title").TextContent);
        var hazard = cut.Find(".wall-hazard[data-hazard='1']");
        Assert.Equal("隐患", Text(hazard, ".wall-hazard-kind"));
        Assert.Equal("二楼安全出口", Text(hazard, ".wall-exception-place"));
        Assert.Equal("应急照明灯不亮", Text(hazard, ".wall-exception-note"));

        // Both lists change (same ids on both sides): the render diff keeps them apart.
        cut.Render(p => p
            .Add(c => c.Exceptions, exceptions[1..]).Add(c => c.ExceptionTotal, 2)
            .Add(c => c.Hazards, [hazards[0] with { Kind = HazardKind.Incident }, new(2, HazardKind.Hazard, "一楼", "漏水", "马国强", At(21, 55))]).Add(c => c.HazardTotal, 2));
        Assert.Equal(2, cut.FindAll(".wall-exception").Count);
        Assert.Equal("突发事件", Text(cut.Find(".wall-hazard[data-hazard='1']"), ".wall-hazard-kind"));
        Assert.Empty(cut.FindAll(".wall-exceptions-more"));
    }

    [Fact]
    public void SE2_2_WithNoOpenExceptionAndNoHazard_ThePanelsSaySo()
    {
        var cut = Render<WallExceptions>(p => p.Add(c => c.Exceptions, []).Add(c => c.Hazards, []));

        Assert.Equal("未关闭异常 (0)", Text(cut.Find(".wall-exceptions"), ".wall-exceptions-title"));
        Assert.Equal("没有未关闭的异常", Text(cut.Find(".wall-exceptions"), ".wall-exceptions-none"));
        Assert.Equal("安全隐患 (0)", Text(cut.Find(".wall-hazards"), ".wall-hazards-title"));
        Assert.Equal("没有未处理的安全隐患", Text(cut.Find(".wall-hazards"), ".wall-exceptions-none"));
        Assert.Empty(cut.FindAll(".wall-exceptions-more"));
    }

    [Fact]
    public void HY2_PreWorkSelfChecksNotDone_AreListedByNumber_AmberBeforeOpeningRedOnceMissed()
    {
        var due = Render<WallHygiene>(p => p.Add(c => c.Windows, [new WallHygieneWindow(3, false), new WallHygieneWindow(12, false)]));
        Assert.Contains("is-due", due.Find(".wall-hygiene").ClassList);
        Assert.Equal("班前自查待完成 2", due.Find(".wall-hygiene-title").TextContent);
        Assert.Equal(["03", "12"], due.FindAll(".wall-hygiene-window").Select(w => w.TextContent));

        var missed = Render<WallHygiene>(p => p.Add(c => c.Windows, [new WallHygieneWindow(3, true)]));
        Assert.Contains("is-missed", missed.Find(".wall-hygiene").ClassList);
        Assert.Equal("班前自查未完成 1", missed.Find(".wall-hygiene-title").TextContent);
        Assert.Contains("is-missed", missed.Find(".wall-hygiene-window[data-hygiene-window='3']").ClassList);
    }

    /// <summary>Renders a component in the hall's language.</summary>
    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : Microsoft.AspNetCore.Components.IComponent
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        return _ctx.Render(parameters);
    }

    private static string Text(IElement element, string selector) =>
        (element.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} in {element.OuterHtml}")).TextContent;
}
