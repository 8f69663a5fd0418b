using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// 预约服务情况周报 (AP4.4) in a real browser against the demo hall at the desk PC's size: the manager
/// opens /reports/appointments, sees last week's kept report with its counts, declines and rows, makes
/// this week's report now, and opens last week's A4 sheet for the government service section.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AppointmentReportBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task AP4_4_TheManager_ReadsLastWeeksReport_MakesThisWeeks_AndOpensThePrintableSheet()
    {
        var hall = await StartAsync();
        var context = await hall.NewContextAsync(1920, 1080);
        var page = await hall.OpenAsync(context, "manager", "/", "/reports/appointments", "#appointment-report-list");
        await BrowserHost.FontsReadyAsync(page);

        await Expect(page.Locator("#appointment-report-rows tbody tr[data-number]").First).ToBeVisibleAsync();
        await Expect(page.Locator("#appointment-report-declines li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#appointment-report-counts > div")).ToHaveCountAsync(7);
        var path = BrowserHost.ScreenshotPath("appointment-report-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var printHref = await page.Locator("#appointment-report-print").GetAttributeAsync("href") ?? "";

        var before = await page.Locator("#appointment-report-list tbody tr").CountAsync();
        await page.Locator("#appointment-report-generate").ClickAsync();
        await Expect(page.Locator("#appointment-report-list tbody tr")).ToHaveCountAsync(before + 1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });

        var print = await context.NewPageAsync();
        await print.GotoAsync(hall.Url(printHref), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await Expect(print.Locator("#appointment-print-title")).ToContainTextAsync("预约服务情况周报");
        await Expect(print.Locator("#appointment-sheet")).ToContainTextAsync("政务服务科");
        await Expect(print.Locator("#appointment-signature")).ToContainTextAsync("填报单位（盖章）");
        await Expect(print.Locator("#appointment-print-rows tbody tr[data-number]").First).ToBeVisibleAsync();
        await BrowserHost.FontsReadyAsync(print);
        var printPath = BrowserHost.ScreenshotPath("appointment-report-print.png");
        await print.ScreenshotAsync(new PageScreenshotOptions { Path = printPath, FullPage = true });
        output.WriteLine($"screenshot {printPath}");
    }
}
