using HallOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// 设备登记 (IT4, IT5) in a real browser: the network administrator's register at a 1920×1080 desk shows
/// PC-W01 with its boot password overdue; its label sheet carries a QR code per asset; on a 390×844
/// phone the holder (张晓明) confirms the boot password of PC-W01 and the page shows it confirmed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EquipmentBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private static readonly LocatorAssertionsToHaveCountOptions Wait = new() { Timeout = 10_000 };

    [SkippableFact]
    public async Task IT4_IT5_TheRegisterItsLabels_AndTheHoldersQuarterlyConfirmation()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var host = await BrowserHost.StartAsync(Database, services: services => services.AddSingleton<TimeProvider>(clock));

        var desk = await host.NewContextAsync(1920, 1080);
        var register = await host.OpenAsync(desk, "netadmin", "/", "/network/equipment", "#eq-table");
        await BrowserHost.FontsReadyAsync(register);
        await Expect(register.Locator("#eq-table tr[data-asset='PC-W01'] td[data-boot='Overdue']")).ToHaveCountAsync(1, Wait);
        var registerShot = BrowserHost.ScreenshotPath("equipment-register-1920x1080.png");
        await register.ScreenshotAsync(new PageScreenshotOptions { Path = registerShot });
        output.WriteLine($"screenshot {registerShot}");

        // The asset's page, as its label's QR code opens it: details, actions, history.
        await register.Locator("#eq-table tr[data-asset='PC-W01'] a").ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(register, "#eq-history");
        await Expect(register.Locator("#eq-history tr[data-event='Registered']")).ToHaveCountAsync(1, Wait);
        var assetShot = BrowserHost.ScreenshotPath("equipment-asset-1920x1080.png");
        await register.ScreenshotAsync(new PageScreenshotOptions { Path = assetShot });
        output.WriteLine($"screenshot {assetShot}");

        await register.GotoAsync(host.Url("/network/equipment/labels"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        var labels = register.Locator("#labels .asset-label");
        Assert.True(await labels.CountAsync() >= 5);
        await Expect(register.Locator("#labels .asset-label[data-asset='PC-W01'] .asset-qr svg")).ToHaveCountAsync(1, Wait);
        var labelsShot = BrowserHost.ScreenshotPath("equipment-labels.png");
        await register.ScreenshotAsync(new PageScreenshotOptions { Path = labelsShot, FullPage = true });
        output.WriteLine($"screenshot {labelsShot}");

        var phone = await host.NewContextAsync(390, 844);
        var mine = await host.OpenAsync(phone, "staff", "/", "/my/equipment", "[data-confirm='PC-W01']");
        await BrowserHost.FontsReadyAsync(mine);
        var dueShot = BrowserHost.ScreenshotPath("my-equipment-390x844.png");
        await mine.ScreenshotAsync(new PageScreenshotOptions { Path = dueShot, FullPage = true });
        output.WriteLine($"screenshot {dueShot}");
        Assert.True(await mine.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "my equipment scrolls sideways on a phone");

        await mine.Locator("[data-confirm='PC-W01']").ClickAsync();
        await Expect(mine.Locator("[data-asset='PC-W01'] [data-boot='Confirmed']")).ToHaveCountAsync(1, Wait);
        await Expect(mine.Locator("[data-confirm='PC-W01']")).ToHaveCountAsync(0, Wait);
    }
}
