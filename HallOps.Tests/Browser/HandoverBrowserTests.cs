using HallOps.Domain.Coverage;
using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// AB3 on a phone: when A leaves and hands the work over to a named B, B's staff page shows the
/// handover at once — who, which window, the note, until when — and shows it ended once A is back.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HandoverBrowserTests(ITestOutputHelper output) : BrowserTest
{
    // Demo hall: 李静 (no account) is A of window 2; 张晓明 (account "staff") is its B.
    private const string PartnerA = "李静";
    private const string StaffAccount = "staff";

    [SkippableFact]
    public async Task AB3_AHandsOverToB_BsPhoneShowsTheHandoverLive_AndShowsItEndedWhenABack()
    {
        await using var hall = await CoverageBrowserSupport.StartAllDayAsync(Database);
        await hall.App.OpenTheHallNowAsync();
        await hall.SetPresenceAsync(PartnerA, PresenceState.OnPost, atWindow: 2);

        var phone = await hall.NewContextAsync(390, 844);
        var my = await hall.OpenAsync(phone, StaffAccount, "/", "/my", "#my-sign-off, [data-sign-on]");
        await Expect(my.GetByText("今日暂无工作交代。")).ToBeVisibleAsync();

        await hall.SetPresenceAsync(PartnerA, PresenceState.Away, atWindow: 2, reason: AwayReason.Meeting,
            handoverTo: "张晓明", note: "刘先生的营业执照变更材料已收，待复印件");

        var handover = my.Locator($".my-handover[data-handover-from='{PartnerA}']");
        await Expect(handover).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 });
        await Expect(handover).ToHaveAttributeAsync("data-active", "true");
        await Expect(handover).ToContainTextAsync("李静 离岗，工作交代给我");
        await Expect(handover).ToContainTextAsync("2号窗口");
        await Expect(handover).ToContainTextAsync("开会");
        await Expect(handover.Locator(".my-handover-note")).ToHaveTextAsync("刘先生的营业执照变更材料已收，待复印件");
        await Expect(handover).ToContainTextAsync("仍在离岗中，预计");

        await BrowserHost.FontsReadyAsync(my);
        var scrollWidth = await my.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"/my scrolls sideways on a phone: {scrollWidth} px wide");
        await handover.ScrollIntoViewIfNeededAsync();
        var path = BrowserHost.ScreenshotPath("my-handover-390x844.png");
        await my.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot {path}");

        await hall.SetPresenceAsync(PartnerA, PresenceState.OnPost, atWindow: 2);
        await Expect(handover).ToHaveAttributeAsync("data-active", "false");
        await Expect(handover).ToContainTextAsync("已返岗或已下班");
    }
}
