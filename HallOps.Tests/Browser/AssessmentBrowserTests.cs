using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// 月度考核 in a real browser against the demo hall: the office opens /reports/assessment at the desk
/// PC's sizes, sees every window ranked with the hall's line, the trend and ranking charts, switches to
/// the staff tab, and opens the printable A4 landscape report with its signature block (TL5, AC, HY4).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AssessmentBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableTheory]
    [InlineData(1920, 1080)]
    [InlineData(1366, 768)]
    public async Task TheOffice_OpensTheMonthsAssessment_RankedWithChartsAndTabs_AndItsPrintableReport(int width, int height)
    {
        var hall = await StartAsync();
        var context = await hall.NewContextAsync(width, height);
        var page = await hall.OpenAsync(context, "office", "/", "/reports/assessment", "#assessment-windows tr[data-rank]");
        await BrowserHost.FontsReadyAsync(page);

        await Expect(page.Locator("#assessment-windows tbody tr[data-rank]")).ToHaveCountAsync(24);
        await Expect(page.Locator("#assessment-windows tbody tr").First).ToHaveAttributeAsync("data-rank", "1");
        await Expect(page.Locator("#assessment-windows tfoot tr[data-line='total']")).ToBeVisibleAsync();
        await Expect(page.Locator("#assessment-trend-rate svg, #assessment-trend-rate").First).ToBeVisibleAsync();
        await Expect(page.Locator("#assessment-export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/reports/assessment\.xlsx\?month=\d{4}-\d{2}$"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        var path = BrowserHost.ScreenshotPath($"assessment-{width}x{height}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");

        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "按人员" }).ClickAsync();
        await Expect(page.Locator("#assessment-staff tbody tr[data-rank]").First).ToBeVisibleAsync();
        await Expect(page.Locator("#assessment-print")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"by=staff$"));

        if (width == 1920)
        {
            var print = await context.NewPageAsync();
            await print.GotoAsync(hall.Url(await page.Locator("#assessment-print").GetAttributeAsync("href") ?? ""));
            await Expect(print.Locator("#assessment-print-table tbody tr[data-rank]").First).ToBeVisibleAsync();
            await Expect(print.Locator("#assessment-signature")).ToContainTextAsync("填报单位（盖章）");
            await Expect(print.Locator("#assessment-print-title")).ToContainTextAsync("工作人员月度考核表");
            var printPath = BrowserHost.ScreenshotPath("assessment-print.png");
            await print.ScreenshotAsync(new PageScreenshotOptions { Path = printPath, FullPage = true });
            await print.PdfAsync(new PagePdfOptions { Path = BrowserHost.ScreenshotPath("assessment-print.pdf"), PreferCSSPageSize = true });
            output.WriteLine($"screenshot {printPath}");
        }
    }
}
