using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Tests.Support;
using HallOps.Web.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// AP4.5 in a real browser: the manager books a whole day of 调休 for 张晓明 (the demo: 9 h 30 min
/// earned) on /appointments/comp-time at a desk PC; 张晓明's own page on his phone shows the balance
/// drop, and come back live when the day is cancelled; /leave shows his balance.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CompTimeBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task AP4_5_AManagerBooksADayOff_TheStaffMembersBalanceFollowsLive_OnADeskPcAndAPhone()
    {
        var host = await StartAsync();
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var today = calendar.LocalDate(host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var day = calendar.NextWorkingDay(today);
        var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var wholeDay = CompTimeService.WholeDayMinutes(calendar, day);
        int zhang;
        await using (var db = host.App.CreateDbContext())
        {
            zhang = await db.StaffMembers.Where(s => s.Name == "张晓明").Select(s => s.Id).SingleAsync();
        }

        var desk = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(desk, "manager", "/", "/appointments/comp-time", "#comp-time-submit");
        await Expect(page.Locator($"#comp-time-staff [data-balance='570']")).ToHaveCountAsync(1);
        await page.Locator($"[data-show-ledger='{zhang}']").ClickAsync();
        await Expect(page.Locator($"#comp-time-selected[data-staff='{zhang}']")).ToBeVisibleAsync();

        var phone = await host.NewContextAsync(390, 844);
        var mobile = await host.OpenAsync(phone, "staff", "/", "/appointments/comp-time", "#comp-time-balance");
        await Expect(mobile.Locator("#comp-time-balance")).ToHaveAttributeAsync("data-minutes", "570");
        await Expect(mobile.Locator("#comp-time-balance")).ToHaveTextAsync("9小时30分");

        var input = page.Locator("#comp-time-date input");
        await input.FillAsync(iso);
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(iso);
        await page.Locator("#comp-time-note").Locator("xpath=descendant-or-self::input").FillAsync("家中有事");
        await page.Locator("#comp-time-submit").ClickAsync();

        var taken = page.Locator("#comp-time-selected [data-kind='Taken']");
        await Expect(taken).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Expect(page.Locator("[data-comp-time-error]")).ToHaveCountAsync(0);
        await Expect(mobile.Locator("#comp-time-balance")).ToHaveAttributeAsync("data-minutes", (570 - wholeDay).ToString(CultureInfo.InvariantCulture),
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });

        await BrowserHost.FontsReadyAsync(page);
        var deskPath = BrowserHost.ScreenshotPath("comp-time-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = deskPath, FullPage = true });
        await BrowserHost.FontsReadyAsync(mobile);
        var scrollWidth = await mobile.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var innerWidth = await mobile.EvaluateAsync<int>("() => window.innerWidth");
        var phonePath = BrowserHost.ScreenshotPath("comp-time-390x844.png");
        await mobile.ScreenshotAsync(new PageScreenshotOptions { Path = phonePath, FullPage = true });
        output.WriteLine($"/appointments/comp-time at 390×844: scrollWidth {scrollWidth}, innerWidth {innerWidth}; screenshots {deskPath}, {phonePath}");
        Assert.True(scrollWidth <= innerWidth, $"/appointments/comp-time scrolls sideways on a phone: {scrollWidth} px wide in a {innerWidth} px window.");

        // 张晓明 cannot cancel his own day off; the manager can, and his phone follows.
        await Expect(mobile.Locator("[data-cancel-comp-time]")).ToHaveCountAsync(0);
        await page.Locator("#comp-time-selected [data-cancel-comp-time]").ClickAsync();
        await Expect(taken).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Expect(mobile.Locator("#comp-time-balance")).ToHaveAttributeAsync("data-minutes", "570",
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });

        await mobile.GotoAsync(host.Url("/leave"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await BrowserHost.WaitForInteractiveAsync(mobile, "#leave-submit");
        await Expect(mobile.Locator("#leave-comp-balance")).ToContainTextAsync("9小时30分");
        await BrowserHost.FontsReadyAsync(mobile);
        await mobile.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("comp-time-leave-390x844.png") });
    }
}
