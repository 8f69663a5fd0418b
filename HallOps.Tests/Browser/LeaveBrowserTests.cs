using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// AB4 ahead of time in a real browser: the manager enters planned leave (请假) on /leave and the
/// 预计空岗 table shows the window that will have neither A nor B, on a desk PC and on a phone.
/// Demo hall: 刘洋 is A of window 4 (社保) and B of window 5; 陈敏 the other way round.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LeaveBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task AB4_AManagerEntersLeaveOnTheLeavePage_ThePredictedGapsTableShowsTheWindowAndWhoIsAway()
    {
        var host = await StartAsync();
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var today = calendar.LocalDate(host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var day = calendar.NextWorkingDay(today);
        var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using (var db = host.App.CreateDbContext())
        {
            // 刘洋 entered his leave earlier; the manager now enters 陈敏's for the same day.
            var liu = await db.StaffMembers.Where(s => s.Name == "刘洋").Select(s => s.Id).SingleAsync();
            db.PlannedLeaves.Add(new PlannedLeave { StaffMemberId = liu, From = day, To = day, RecordedBy = "manager", RecordedAt = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var desk = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(desk, "manager", "/", "/leave", "#leave-submit");
        await Expect(page.Locator("#leave-no-gaps")).ToBeVisibleAsync();

        await page.Locator(".leave-person").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "陈敏" }).ClickAsync();
        await FillDateAsync(page, "#leave-from", iso);
        await FillDateAsync(page, "#leave-to", iso);
        await page.Locator("#leave-note").Locator("xpath=descendant-or-self::input").FillAsync("参加市局业务培训");
        await page.Locator("#leave-submit").ClickAsync();

        var gaps = page.Locator("#leave-gaps");
        await Expect(gaps).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        var window4 = gaps.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator("[data-gap-window='4']") });
        await Expect(window4.Locator($"[data-gap-date='{iso}']")).ToBeVisibleAsync();
        await Expect(window4.Locator("[data-gap-window='4']")).ToHaveTextAsync("4号窗口 社保");
        await Expect(window4.Locator(".leave-gap-away")).ToHaveTextAsync("A岗 刘洋、B岗 陈敏");
        await Expect(gaps.Locator("[data-gap-window='5']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-leave-error]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#leave-list")).ToContainTextAsync("参加市局业务培训");

        await BrowserHost.FontsReadyAsync(page);
        var deskPath = BrowserHost.ScreenshotPath("leave-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = deskPath, FullPage = true });

        var phone = await host.NewContextAsync(390, 844);
        var mobile = await host.OpenAsync(phone, "manager", "/", "/leave", "#leave-submit");
        await Expect(mobile.Locator("#leave-gaps [data-gap-window='4']")).ToBeVisibleAsync();
        await BrowserHost.FontsReadyAsync(mobile);
        var scrollWidth = await mobile.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var innerWidth = await mobile.EvaluateAsync<int>("() => window.innerWidth");
        var phonePath = BrowserHost.ScreenshotPath("leave-390x844.png");
        await mobile.ScreenshotAsync(new PageScreenshotOptions { Path = phonePath, FullPage = true });
        output.WriteLine($"/leave at 390×844: scrollWidth {scrollWidth}, innerWidth {innerWidth}; screenshots {deskPath}, {phonePath}");
        Assert.True(scrollWidth <= innerWidth, $"/leave scrolls sideways on a phone: {scrollWidth} px wide in a {innerWidth} px window.");

        // The prediction follows a change: cancelling 陈敏's leave on the phone clears the gap on the desk PC too.
        var cancel = mobile.Locator("#leave-list tr").Filter(new LocatorFilterOptions { HasText = "陈敏" }).Locator("[data-cancel-leave]");
        await cancel.ClickAsync();
        await Expect(mobile.Locator("#leave-no-gaps")).ToBeVisibleAsync();
        await Expect(page.Locator("#leave-no-gaps")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
    }

    [SkippableFact]
    public async Task AB4_StaffEnterTheirOwnLeaveOnAPhone_AndSeeItUnderMyLeave_WithoutThePredictionOrOtherPeople()
    {
        var host = await StartAsync();
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var today = calendar.LocalDate(host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var from = calendar.NextWorkingDay(today);
        var to = from.AddDays(3);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var phone = await host.NewContextAsync(390, 844);
        var page = await host.OpenAsync(phone, "staff", "/", "/leave", "#leave-submit");
        await Expect(page.Locator(".leave-person")).ToHaveCountAsync(0);
        await FillDateAsync(page, "#leave-from", Iso(from));
        await FillDateAsync(page, "#leave-to", Iso(to));
        await page.Locator("#leave-submit").ClickAsync();

        var row = page.Locator("#leave-list tr").Filter(new LocatorFilterOptions { HasText = Iso(to) });
        await Expect(row).ToContainTextAsync("共4天");
        await Expect(row.Locator("[data-cancel-leave]")).ToHaveTextAsync("撤销");
        await Expect(page.GetByText("我的请假")).ToBeVisibleAsync();
        await Expect(page.Locator("#leave-gaps, #leave-no-gaps")).ToHaveCountAsync(0);

        // The same range again is refused, with the reason in Chinese, and nothing is added.
        await FillDateAsync(page, "#leave-from", Iso(from));
        await FillDateAsync(page, "#leave-to", Iso(from));
        await page.Locator("#leave-submit").ClickAsync();
        await Expect(page.Locator("[data-leave-error]")).ToHaveTextAsync($"该人员{Iso(from)}至{Iso(to)}已有请假登记，日期不能重叠。");
        await Expect(page.Locator("#leave-list [data-cancel-leave]")).ToHaveCountAsync(1);

        await BrowserHost.FontsReadyAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var innerWidth = await page.EvaluateAsync<int>("() => window.innerWidth");
        var path = BrowserHost.ScreenshotPath("leave-staff-390x844.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"/leave (staff) at 390×844: scrollWidth {scrollWidth}, innerWidth {innerWidth}; screenshot {path}");
        Assert.True(scrollWidth <= innerWidth, $"/leave scrolls sideways on a phone: {scrollWidth} px wide in a {innerWidth} px window.");
    }

    /// <summary>Types a date into an editable date picker and leaves the field, as a person at a keyboard does.</summary>
    private static async Task FillDateAsync(IPage page, string pickerSelector, string iso)
    {
        var input = page.Locator($"{pickerSelector} input");
        await input.FillAsync(iso);
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
        await Expect(input).ToHaveValueAsync(iso);
    }
}
