using HallOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// The machine-room access log in a real browser (IT6): netadmin logs a visitor without approval and
/// is told why, nothing listed; with approval and an escort the visitor shows as inside, live.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MachineRoomBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task IT6_AVisitorNeedsApprovalAndAnEscort_ThenShowsAsInside()
    {
        var clock = new FakeTimeProvider(WallClock.LastWorkingDayAt(new TimeOnly(10, 0)));
        await using var host = await BrowserHost.StartAsync(Database, services: services => services.AddSingleton<TimeProvider>(clock));
        var context = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(context, "netadmin", "/", "/network/machine-room", "#machine-room-save");

        await page.Locator("#machine-room-visitor-choice").ClickAsync();
        await Expect(page.Locator("#machine-room-visitor")).ToBeVisibleAsync();
        await page.Locator("#machine-room-visitor").FillAsync("李工");
        await page.Locator("#machine-room-unit").FillAsync("华为技术服务");
        await page.Locator("#machine-room-purpose").FillAsync("更换服务器硬盘");
        await page.Locator("#machine-room-save").ClickAsync();
        await Expect(page.Locator("[data-machine-room-error]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-inside]")).ToHaveCountAsync(0);

        await page.Locator("#machine-room-approved").FillAsync("王局长");
        await page.Locator("#machine-room-escort").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "高志远" }).ClickAsync();
        await page.Locator("#machine-room-save").ClickAsync();
        await Expect(page.Locator("[data-inside]")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });

        await BrowserHost.FontsReadyAsync(page);
        var wide = BrowserHost.ScreenshotPath("machine-room-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = wide, FullPage = true });
        output.WriteLine(wide);

        var phone = await host.NewContextAsync(390, 844);
        var small = await host.OpenAsync(phone, "netadmin", "/", "/network/machine-room", "#machine-room-save");
        await Expect(small.Locator("[data-inside]")).ToHaveCountAsync(1);
        await BrowserHost.FontsReadyAsync(small);
        var narrow = BrowserHost.ScreenshotPath("machine-room-390x844.png");
        await small.ScreenshotAsync(new PageScreenshotOptions { Path = narrow, FullPage = true });
        output.WriteLine(narrow);
        Assert.True(await small.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "/network/machine-room scrolls sideways on a phone");
    }
}
