using System.Text.RegularExpressions;
using HallOps.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// IT2, IT3 in a real browser: the network administrator has the desk (/network, 1920×1080) open; a
/// member of window staff logs an external-media scan on the phone (390×844) that found a virus the
/// antivirus could not clean — and the new incident appears on the administrator's desk without a reload.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class ItIncidentBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private const float Patience = 20_000;

    [SkippableFact]
    public async Task IT3_APositiveScanLoggedOnThePhone_ShowsOnTheAdministratorsOpenDesk_Live()
    {
        Assertions.SetDefaultExpectTimeout(Patience);
        try
        {
            await ScanAsync();
        }
        finally
        {
            Assertions.SetDefaultExpectTimeout(5_000);
        }
    }

    private async Task ScanAsync()
    {
        var host = await StartAsync();
        var deskContext = await host.NewContextAsync(1920, 1080);
        var desk = await host.OpenAsync(deskContext, "netadmin", "/", "/network", "#net-open");
        var before = await desk.Locator("[data-incident]").CountAsync();

        var phoneContext = await host.NewContextAsync(390, 844);
        var phone = await host.OpenAsync(phoneContext, "staff", "/", "/it/report", "#incident-form");
        await BrowserHost.FontsReadyAsync(phone);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("it-report-390x844.png"), FullPage = true });

        await phone.GetByRole(AriaRole.Tab, new() { Name = "外来介质查毒登记" }).ClickAsync();
        await Expect(phone.Locator("#scan-form")).ToBeVisibleAsync();
        await Input(phone, "#scan-owner").FillAsync("刘伟");
        await Input(phone, "#scan-unit").FillAsync("城关镇企业服务站");
        await Input(phone, "#scan-purpose").FillAsync("拷贝营业执照申请材料");
        await Input(phone, "#scan-antivirus").FillAsync("火绒安全");
        var today = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        var signature = phone.Locator("#scan-signature input");
        await signature.FillAsync(today);
        await signature.PressAsync("Enter");
        await phone.Keyboard.PressAsync("Escape");
        await Expect(signature).ToHaveValueAsync(today);
        await phone.Locator("#scan-result-virusnotcleaned").ClickAsync();
        await Input(phone, "#scan-virus").FillAsync("Worm.Win32.AutoRun");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("it-report-scan-390x844.png"), FullPage = true });
        await phone.Locator("#scan-submit").ClickAsync();

        var sent = phone.Locator("#it-sent");
        await Expect(sent).ToContainTextAsync("BD");
        var number = IncidentNumber().Match(await sent.InnerTextAsync()).Value;
        output.WriteLine($"incident {number}");

        // The administrator's desk, open all along: the incident arrives live, with the virus name.
        var incident = desk.Locator($"[data-incident='{number}']");
        await Expect(incident).ToBeVisibleAsync();
        await Expect(incident).ToContainTextAsync("Worm.Win32.AutoRun");
        await Expect(desk.Locator("[data-incident]")).ToHaveCountAsync(before + 1);
        await Expect(desk.Locator("#net-scans")).ToContainTextAsync("刘伟");
        await BrowserHost.FontsReadyAsync(desk);
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("network-desk-1920x1080.png") });
    }

    private static ILocator Input(IPage page, string selector) => page.Locator(selector).Locator("xpath=descendant-or-self::input");

    [GeneratedRegex(@"BD\d{8}-\d{3}")]
    private static partial Regex IncidentNumber();
}
