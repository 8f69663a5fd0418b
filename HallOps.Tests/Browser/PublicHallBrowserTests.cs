using HallOps.Domain.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// The public page /hall (AP5, SC2.5) on a visitor's phone, without an account: window 1 shows
/// 张晓明 serving; when he signs off, the card turns to 暂停服务 by itself, without a reload. And the
/// same page on a lobby screen at 1920×1080 fits the 24 windows on one screen.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PublicHallBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task SC2_5_AVisitorsPhone_ShowsWindow1Open_With张晓明_AndPausedWithoutAReload_WhenHeSignsOff()
    {
        await using var hall = await CoverageBrowserSupport.StartAllDayAsync(Database);
        await hall.App.OpenTheHallNowAsync();
        await hall.SetPresenceAsync("张晓明", PresenceState.OnPost, atWindow: 1);

        var phone = await hall.NewContextAsync(390, 844);
        var page = await phone.NewPageAsync();
        var response = await page.GotoAsync(hall.Url("/hall"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        Assert.Equal(200, response!.Status);
        Assert.Equal(hall.Url("/hall"), page.Url);

        var window1 = page.Locator(".hall-window[data-window='1']");
        await Expect(window1).ToHaveAttributeAsync("data-state", "open");
        await Expect(window1.Locator(".hall-window-state")).ToHaveTextAsync("正在办理");
        await Expect(window1.Locator(".hall-window-staff")).ToHaveTextAsync("工作人员：张晓明（工号 ZW001）");
        await Expect(page.Locator("#hall-complaint")).ToContainTextAsync("12345");
        await Expect(window1).ToContainTextAsync("0563-5566101");
        // The page has refreshed itself once from the board (the status line names the time).
        await Expect(page.Locator(".hall-board-status")).ToContainTextAsync("更新于", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });

        await BrowserHost.FontsReadyAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"/hall scrolls sideways on a phone: {scrollWidth} px wide");
        var shot = BrowserHost.ScreenshotPath("hall-390x844.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"screenshot {shot}");

        // A marker the server never renders: gone if the page reloads.
        await page.EvaluateAsync("() => { window.__noReload = true; }");
        await using (var staff = await hall.SignedInScopeAsync("staff"))
        {
            Assert.True((await staff.ServiceProvider.GetRequiredService<PresenceService>().SignOffAsync()).Succeeded);
        }

        // Board polled every 5 s, the answer cached 5 s on the server: within 15 s.
        await Expect(window1).ToHaveAttributeAsync("data-state", "paused", new LocatorAssertionsToHaveAttributeOptions { Timeout = 15_000 });
        await Expect(window1.Locator(".hall-window-state")).ToHaveTextAsync("暂停服务");
        await Expect(window1.Locator(".hall-window-help")).ToBeVisibleAsync();
        await Expect(window1.Locator(".hall-window-staff")).ToBeHiddenAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("张晓明");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "the page was not reloaded");
    }

    [SkippableFact]
    public async Task AP5_TheLobbyScreen_At1920x1080_ShowsEveryWindowWithoutScrolling()
    {
        await using var hall = await CoverageBrowserSupport.StartAllDayAsync(Database);
        await hall.App.OpenTheHallNowAsync();
        await hall.SignOnAHoldersExceptAsync(3, 10);

        var lobby = await hall.NewContextAsync(1920, 1080);
        var page = await lobby.NewPageAsync();
        await page.GotoAsync(hall.Url("/hall"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await Expect(page.Locator(".hall-window")).ToHaveCountAsync(24);
        await Expect(page.Locator(".hall-window[data-window='3']")).ToHaveAttributeAsync("data-state", "paused");
        await Expect(page.Locator(".hall-window[data-window='24']")).ToHaveAttributeAsync("data-state", "open");

        await BrowserHost.FontsReadyAsync(page);
        var shot = BrowserHost.ScreenshotPath("hall-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"screenshot {shot}");
        var height = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollHeight");
        Assert.True(height <= 1080, $"/hall scrolls on a 1920×1080 lobby screen: {height} px high");
    }
}
