using System.Globalization;
using System.Text.RegularExpressions;
using HallOps.Domain.Calendar;
using HallOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// HY4 in a real browser against the real app: the manager starts a hygiene inspection of window 1
/// on /manage/inspections, fails one item with a note on the checklist, and the rectification — item,
/// note, due date two working days on — appears on /my/rectifications of the window's A (张晓明,
/// account "staff"), who reports it done. SE2.4: a guard records a fire-equipment inspection on a
/// phone. Screenshots of every page at 1920×1080 go to TestResults.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InspectionBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task HY4_TheManagerFailsAnItemOnAnInspection_AndTheRectificationAppearsOnTheWindowStaffsPage()
    {
        var host = await StartAsync();
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var today = calendar.LocalDate(host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var due = calendar.AddWorkingDays(today, 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var desk = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(desk, "manager", "/", "/manage/inspections", "#inspection-start-now");
        await page.Locator(".inspection-place").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "1号窗口 不动产登记" }).ClickAsync();
        await Expect(page.Locator("#inspection-start-now")).ToBeEnabledAsync();
        await page.Locator("#inspection-start-now").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/manage/inspections/\d+$"), new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
        await Expect(page.Locator("#inspection-title")).ToHaveTextAsync("1号窗口 不动产登记");
        var items = page.Locator(".checklist-item");
        // The five hygiene items and the three computer/network items (IT1, IT5), which do not count in the score.
        await Expect(items).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++)
        {
            var item = items.Nth(i);
            if ((await item.InnerTextAsync()).Contains("地面干净", StringComparison.Ordinal))
            {
                await item.Locator(".checklist-fail").ClickAsync();
                await item.Locator(".checklist-note textarea").FillAsync("柜台下有纸屑和积灰");
            }
            else
            {
                await item.Locator(".checklist-pass").ClickAsync();
            }
        }
        await Screenshot(page, "inspection-filling-1920x1080.png");
        await page.Locator(".checklist-submit").ClickAsync();

        await Expect(page.Locator("[data-checklist-done]")).ToContainTextAsync("得分 80", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        var raised = page.Locator("#inspection-rectifications tr[data-rectification]");
        await Expect(raised).ToHaveCountAsync(1);
        await Expect(raised).ToContainTextAsync("地面干净");
        await Expect(raised).ToContainTextAsync(due);
        await Screenshot(page, "inspection-done-1920x1080.png");

        // The week's list shows it: unscheduled, done, 80, one failed item with its rectification, by the manager.
        await page.Locator("text=返回卫生检查").ClickAsync();
        var listed = page.Locator("#inspection-list tr").Filter(new LocatorFilterOptions { Has = page.Locator("[data-inspection-place='1号窗口 不动产登记']") });
        await Expect(listed).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        await Expect(listed.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Done");
        await Expect(listed).ToContainTextAsync("1 项（整改 1 项）");
        await Expect(listed).ToContainTextAsync("周建国");
        await Screenshot(page, "inspections-1920x1080.png");

        // The window's A sees it on his own page, with what was found and by when.
        var staffDesk = await host.NewContextAsync(1920, 1080);
        var mine = await host.OpenAsync(staffDesk, "staff", "/", "/my/rectifications", "#rectification-list");
        var card = mine.Locator("[data-rectification]").Filter(new LocatorFilterOptions { HasText = "地面干净" });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.Locator(".rectification-note")).ToHaveTextAsync("存在问题：柜台下有纸屑和积灰");
        await Expect(card.Locator(".rectification-due")).ToHaveAttributeAsync("data-due", due);
        await Expect(card.Locator("[data-state='open']")).ToBeVisibleAsync();
        await Expect(card.Locator(".rectification-place")).ToHaveTextAsync("1号窗口 不动产登记");
        await Screenshot(mine, "my-rectifications-1920x1080.png");

        // He reports it done; the manager's list shows it waiting for confirmation, live.
        var managerList = await desk.NewPageAsync();
        await managerList.GotoAsync(host.Url("/my/rectifications"));
        await BrowserHost.WaitForInteractiveAsync(managerList, "#rectification-list");
        await card.Locator(".rectification-done-note input").FillAsync("已清扫，垃圾已清运");
        await card.Locator("[data-mark-done]").ClickAsync();
        await Expect(card.Locator("[data-state='done']")).ToBeVisibleAsync();
        var managersCard = managerList.Locator("[data-rectification]").Filter(new LocatorFilterOptions { HasText = "地面干净" });
        await Expect(managersCard.Locator("[data-confirm]")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 10_000 });
        await Expect(managersCard.Locator(".rectification-done")).ToContainTextAsync("已清扫，垃圾已清运");
        await Screenshot(managerList, "rectifications-manager-1920x1080.png");
        await managersCard.Locator("[data-confirm]").ClickAsync();
        await Expect(managersCard).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task SE2_4_AGuardRecordsAnExtinguishersInspectionOnAPhone_AndTheManagersPagesShowTheRegisterScoresAndSchedules()
    {
        var host = await StartAsync();

        var phone = await host.NewContextAsync(390, 844);
        var guard = await host.OpenAsync(phone, "guard", "/", "/manage/fire-equipment", "#fire-list");
        await Expect(guard.Locator("#fire-new")).ToHaveCountAsync(0);
        var row = guard.Locator("#fire-list tr").Filter(new LocatorFilterOptions { Has = guard.Locator("[data-fire-code='MHQ-101']") });
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "DueToday");
        await row.Locator("[data-inspect]").ClickAsync();
        await guard.Locator("#fire-inspect-problem").ClickAsync();
        await guard.Locator("#fire-inspect-save").ClickAsync();
        await Expect(guard.Locator("[data-fire-error]")).ToHaveTextAsync("请写明发现的问题。");
        await guard.Locator("#fire-problem-note").Locator("xpath=descendant-or-self::textarea").FillAsync("铅封脱落");
        await guard.Locator("#fire-inspect-save").ClickAsync();
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Ok", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await Expect(row.Locator("[data-last-problem]")).ToHaveTextAsync("发现问题：铅封脱落");
        await BrowserHost.FontsReadyAsync(guard);
        var scrollWidth = await guard.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        await Screenshot(guard, "fire-equipment-guard-390x844.png");
        Assert.True(scrollWidth <= 390, $"/manage/fire-equipment scrolls sideways on a phone: {scrollWidth} px wide.");

        var desk = await host.NewContextAsync(1920, 1080);
        var register = await host.OpenAsync(desk, "manager", "/", "/manage/fire-equipment", "#fire-new");
        await Expect(register.Locator("[data-fire-code]")).ToHaveCountAsync(10);
        await Screenshot(register, "fire-equipment-1920x1080.png");

        var scores = await desk.NewPageAsync();
        await scores.GotoAsync(host.Url("/manage/hygiene/scores"));
        await BrowserHost.WaitForInteractiveAsync(scores, "#score-windows");
        await Expect(scores.Locator("#score-windows tbody tr")).ToHaveCountAsync(24);
        await Expect(scores.Locator("#score-export")).ToHaveAttributeAsync("href", new Regex(@"^/manage/hygiene/scores/\d{4}-\d{2}\.xlsx$"));
        await Screenshot(scores, "hygiene-scores-1920x1080.png");

        var rounds = await desk.NewPageAsync();
        await rounds.GotoAsync(host.Url("/manage/rounds"));
        await BrowserHost.WaitForInteractiveAsync(rounds, "[data-template='hygiene-inspection']");
        var inspection = rounds.Locator("[data-template='hygiene-inspection'] .round-schedule");
        await Expect(inspection.Locator("[data-occurrence]")).ToHaveCountAsync(5);
        var rule = inspection.Locator(".round-rule input");
        await rule.FillAsync("weekly monday at 09:00");
        await Expect(inspection.Locator(".mud-input-helper-text")).ToContainTextAsync("星期写法不对", new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
        await rule.FillAsync("weekly mon,thu at 09:00 workdays");
        await Expect(inspection.Locator("[data-occurrence]")).ToHaveCountAsync(5);
        await Screenshot(rounds, "round-schedules-1920x1080.png");
    }

    private async Task Screenshot(IPage page, string name)
    {
        await BrowserHost.FontsReadyAsync(page);
        var path = BrowserHost.ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");
    }
}
