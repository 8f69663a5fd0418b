using HallOps.Domain.Alerts;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// The hall manager's landing page (AB4, TL5): today's figures, the same the wall shows, each a link
/// to the page that acts on it, pushed when they change; nobody else sees them.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HomeTodayBrowserTests : BrowserTest
{
    [SkippableFact]
    public async Task TheManagersHome_ShowsTodaysFigures_AndANewAlertArrivesWithoutReload_StaffSeeNone()
    {
        var host = await StartAsync();
        var context = await host.NewContextAsync(1366, 768);
        var home = await host.SignInAsync(context, "manager", "/");
        var alerts = home.Locator("[data-tile='alerts'] .home-tile-value");
        await BrowserHost.WaitForInteractiveAsync(home, "[data-tile='alerts']");

        int open;
        await using (var db = host.App.CreateDbContext())
        {
            open = await db.Alerts.CountAsync(a => a.IsOpen && a.Kind != AlertKinds.VirusIncidentOpen);
            var windows = await db.Windows.CountAsync(w => w.IsActive);
            await Expect(alerts).ToHaveTextAsync(open.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(home.Locator("[data-tile='open'] .home-tile-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^\\d+/{windows}$"));
        }
        await Expect(home.Locator("[data-tile='gaps']")).ToHaveAttributeAsync("href", "/manage/coverage");
        await Expect(home.Locator("[data-tile='overdue']")).ToHaveAttributeAsync("href", "/manage/cases");
        await home.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("home-manager-1366x768.png") });

        await home.EvaluateAsync("() => window.__noReload = true");
        await using (var db = host.App.CreateDbContext())
        {
            db.Alerts.Add(WallLists.OpenAlert(1, TimeProvider.System.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        await Expect(alerts).ToHaveTextAsync((open + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await home.EvaluateAsync<bool>("() => window.__noReload === true"), "The home page reloaded instead of being pushed the change.");

        var staff = await host.SignInAsync(await host.NewContextAsync(1366, 768), "staff", "/");
        await Expect(staff.Locator("h4")).ToContainTextAsync("您好");
        await Expect(staff.Locator("#home-today")).ToHaveCountAsync(0);
    }
}
