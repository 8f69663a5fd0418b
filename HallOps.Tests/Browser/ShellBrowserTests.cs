using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// The app's shell as its users meet it: on a desk PC the navigation is beside the page and the menu
/// button hides it; on a phone it is out of the way until the menu button opens it over the page, and
/// it closes again once a link is followed. Each person sees the links their role opens, and the
/// link of the page they are on is marked.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ShellBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private const string StaffPageReady = "#my-sign-off, [data-sign-on]";

    [SkippableFact]
    public async Task OnAPhone_TheMenuOpensTheNavigationOverThePage_AndFollowingALinkClosesIt()
    {
        var host = await StartAsync();
        var phone = await host.NewContextAsync(390, 844);
        var page = await host.OpenAsync(phone, "staff", "/", "/my", StaffPageReady);

        var drawer = page.Locator("aside.hall-drawer");
        var leaveLink = drawer.Locator("a[href='/leave']");
        await Expect(leaveLink).Not.ToBeVisibleAsync();
        var menu = page.Locator("header button[aria-label='菜单']:visible");
        await Expect(menu).ToHaveCountAsync(1);

        await menu.ClickAsync();
        await Expect(leaveLink).ToBeVisibleAsync();
        await Expect(drawer).ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Ratio = 1 });
        // A clerk's menu: their own pages, none of the manager's or the guards'.
        await Expect(drawer.Locator("a[href='/manage/windows']")).ToHaveCountAsync(0);
        await Expect(drawer.Locator("a[href='/guard']")).ToHaveCountAsync(0);
        await Expect(drawer.Locator("a[href='/my']")).ToHaveAttributeAsync("aria-current", "page");
        var box = await drawer.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"the open drawer is not on the phone's screen: x {box.X}, width {box.Width}");

        await BrowserHost.FontsReadyAsync(page);
        var path = BrowserHost.ScreenshotPath("shell-menu-open-390x844.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot {path}");

        await leaveLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(host.Url("/leave"));
        await Expect(leaveLink).Not.ToBeVisibleAsync();
        await Expect(leaveLink).ToHaveAttributeAsync("aria-current", "page");
        await Expect(drawer.Locator("a[href='/my']")).Not.ToHaveAttributeAsync("aria-current", "page");
    }

    [SkippableFact]
    public async Task OnADeskPc_TheNavigationIsBesideThePage_ShowsTheManagersGroups_AndTheMenuHidesIt()
    {
        var host = await StartAsync();
        var desk = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(desk, "manager", "/", "/leave", "#leave-submit");

        var drawer = page.Locator("aside.hall-drawer");
        var windows = drawer.Locator("a[href='/manage/windows']");
        await Expect(windows).ToBeVisibleAsync();
        await Expect(drawer.Locator("a[href='/leave']")).ToHaveAttributeAsync("aria-current", "page");
        // The hall's administration (audit log, jobs) is the administrator's.
        await Expect(drawer.Locator("a[href='/admin/audit']")).ToHaveCountAsync(0);
        var main = page.Locator(".hall-main");
        await Expect(main).ToHaveCSSAsync("margin-left", "240px");

        var group = drawer.Locator("button[aria-label='展开/折叠大厅管理']");
        await Expect(group).ToHaveAttributeAsync("aria-expanded", "true");
        await group.ClickAsync();
        await Expect(group).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(windows).ToHaveCountAsync(0);
        await group.ClickAsync();
        await Expect(windows).ToBeVisibleAsync();

        await BrowserHost.FontsReadyAsync(page);
        var path = BrowserHost.ScreenshotPath("shell-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot {path}");

        await page.Locator("header button[aria-label='菜单']:visible").ClickAsync();
        await Expect(windows).Not.ToBeInViewportAsync();
        await Expect(main).ToHaveCSSAsync("margin-left", "0px");
    }
}
