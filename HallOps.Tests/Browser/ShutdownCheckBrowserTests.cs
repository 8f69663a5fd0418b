using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Rounds;
using HallOps.Jobs;
using HallOps.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// SE4, SE5, IT7 in a real browser: 张晓明 (account "staff", A of window 1 and B of window 2) opens
/// /my/checks at the window PC, sees the shutdown checks of his two windows, is refused a checklist
/// with items left out (nothing stored), completes window 1's check with one failed item and its note
/// (done, the failure becomes an exception his window acknowledges), and gets the closing reminder
/// for window 2 pushed to his screen. The same page on a phone. The app's clock is frozen at the real
/// time (sign-in stays valid); the day's checks are written by the test, not by the schedules, so the
/// test does not depend on the hour it runs at.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ShutdownCheckBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private const string StaffAccount = "staff";

    [SkippableFact]
    public async Task SE4_StaffCompleteTheShutdownCheckWithOneFail_BadSubmitStoresNothing_AndTheReminderIsPushed()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var host = await StartAsync(clock);
        var (window1, window2) = await TodaysShutdownChecksAsync(host, clock);

        var desk = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(desk, StaffAccount, "/", "/my/checks", "#checks-list");
        var row1 = page.Locator($".checks-round[data-round='{window1}']");
        var row2 = page.Locator($".checks-round[data-round='{window2}']");
        await Expect(page.Locator(".checks-round")).ToHaveCountAsync(2);
        await Expect(row1).ToHaveAttributeAsync("data-state", "Due");
        await Expect(row1.Locator(".checks-state")).ToHaveTextAsync("待做");
        await Expect(page.Locator(".checks-window[data-window='1']")).ToContainTextAsync("1号窗口 不动产登记");
        await Expect(page.Locator("#window-exceptions-none")).ToBeVisibleAsync();
        await BrowserHost.FontsReadyAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("my-checks-1920x1080.png") });

        await row1.Locator(".checks-open").ClickAsync();
        await Expect(page).ToHaveURLAsync(host.Url($"/my/checks/{window1}"));
        var items = page.Locator(".checklist-item");
        await Expect(items).ToHaveCountAsync(5);

        // Items left out: the message, and nothing stored.
        for (var i = 0; i < 3; i++)
        {
            await items.Nth(i).Locator(".checklist-pass").ClickAsync();
        }
        await page.Locator(".checklist-submit").ClickAsync();
        await Expect(page.Locator("[data-checklist-error]")).ToHaveTextAsync("还有检查项没有填写结果，每一项都要选\"合格\"\"不合格\"或\"不适用\"。");
        // A fail that says nothing is refused by the server, and nothing is stored either.
        await items.Nth(3).Locator(".checklist-pass").ClickAsync();
        await items.Nth(2).Locator(".checklist-fail").ClickAsync();
        await items.Nth(4).Locator(".checklist-pass").ClickAsync();
        await page.Locator(".checklist-submit").ClickAsync();
        await Expect(page.Locator("[data-checklist-error]")).ToHaveTextAsync("不合格的项目要写明存在什么问题。");
        await using (var db = host.App.CreateDbContext())
        {
            var stored = await db.Rounds.AsNoTracking().Include(r => r.Checks).SingleAsync(r => r.Id == window1);
            Assert.Equal((RoundState.Due, 0, null), (stored.State, stored.Checks.Count, stored.CompletedAt));
            Assert.Empty(await db.RoundExceptions.AsNoTracking().ToListAsync());
        }

        // Item 3 (doors and windows) fails, with what is wrong: done, 4 of 5 passed.
        await items.Nth(2).Locator(".checklist-note textarea").FillAsync("北侧窗户关不严，已报物业");
        await page.Locator(".checklist-submit").ClickAsync();
        await Expect(page.Locator("[data-checklist-done]")).ToContainTextAsync("已由 张晓明 于");
        await Expect(page.Locator("[data-checklist-done]")).ToContainTextAsync("得分 80");
        await Expect(page.Locator(".checklist-result[data-result='Fail']")).ToContainTextAsync("北侧窗户关不严，已报物业");
        await Expect(row1).ToHaveAttributeAsync("data-state", "Done");
        await Expect(row1.Locator(".checks-state")).ToHaveTextAsync("已完成");
        await using (var db = host.App.CreateDbContext())
        {
            var stored = await db.Rounds.AsNoTracking().Include(r => r.Checks).SingleAsync(r => r.Id == window1);
            Assert.Equal((RoundState.Done, 5, 80), (stored.State, stored.Checks.Count, stored.Score));
            var exception = await db.RoundExceptions.AsNoTracking().SingleAsync();
            Assert.Equal(("门窗已关好", "北侧窗户关不严，已报物业"), (exception.Item, exception.Note));
        }

        // The failed item is the window's to acknowledge: on his staff page /my too ("昨晚巡查发现的问题") …
        var my = await desk.NewPageAsync();
        await my.GotoAsync(host.Url("/my"), new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await BrowserHost.WaitForInteractiveAsync(my, ".window-exception[data-window='1']");
        await Expect(my.Locator("#window-exceptions")).ToContainTextAsync("昨晚巡查发现的问题");
        await Expect(my.Locator(".window-exception[data-window='1']")).ToContainTextAsync("门窗已关好");
        await BrowserHost.FontsReadyAsync(my);
        await my.Locator("#window-exceptions").ScrollIntoViewIfNeededAsync();
        await my.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("my-exceptions-1920x1080.png") });

        // … and here, live: he acknowledges it on the checks page, and it leaves both pages.
        var exceptionCard = page.Locator(".window-exception[data-window='1']");
        await Expect(exceptionCard).ToContainTextAsync("北侧窗户关不严，已报物业");
        await exceptionCard.Locator(".window-exception-ack-note input").FillAsync("明早联系物业修窗");
        await exceptionCard.Locator("[data-ack-exception]").ClickAsync();
        await Expect(exceptionCard).ToHaveCountAsync(0);
        await Expect(page.Locator("#window-exceptions-none")).ToBeVisibleAsync();
        await Expect(my.Locator(".window-exception")).ToHaveCountAsync(0);

        // The manager sees it among the open exceptions, acknowledged by the window, and closes it with what was done.
        var managerContext = await host.NewContextAsync(1920, 1080);
        var manage = await host.OpenAsync(managerContext, "manager", "/", "/manage/exceptions", "#exceptions-table");
        var exceptionRow = manage.Locator("#exceptions-table tr").Filter(new LocatorFilterOptions { HasText = "北侧窗户关不严，已报物业" });
        await Expect(exceptionRow).ToContainTextAsync("1号窗口");
        await Expect(exceptionRow.Locator("[data-exception-acked]")).ToContainTextAsync("张晓明 于");
        await Expect(exceptionRow).ToContainTextAsync("明早联系物业修窗");
        await BrowserHost.FontsReadyAsync(manage);
        await manage.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("manage-exceptions-1920x1080.png") });
        await exceptionRow.Locator("[data-close-exception]").ClickAsync();
        await Expect(manage.Locator("#exceptions-error")).ToHaveTextAsync("关闭前请写明处理结果。");
        await exceptionRow.Locator("[data-close-note] textarea, textarea[data-close-note]").FillAsync("物业已修好北侧窗户");
        await exceptionRow.Locator("[data-close-exception]").ClickAsync();
        await Expect(manage.Locator("#exceptions-empty")).ToBeVisibleAsync();
        await using (var db = host.App.CreateDbContext())
        {
            var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Kind == AlertKinds.RoundException);
            Assert.False(alert.IsOpen);
        }

        // SE4: closing + 10 minutes and window 2's check is still open: the reminder is pushed to his screen.
        await RemindAsync(host, clock, window2);
        var toast = page.Locator(".mud-snackbar").Filter(new LocatorFilterOptions { HasText = "2号窗口" });
        await Expect(toast).ToContainTextAsync("下班断电检查还没有完成", new LocatorAssertionsToContainTextOptions { Timeout = 5_000 });
        await Expect(page.Locator($".checks-reminder[data-reminder-round='{window2}']")).ToContainTextAsync("2号窗口 不动产登记");
        await BrowserHost.FontsReadyAsync(page);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-snackbar')].some(e => e.textContent.includes('2号窗口') && parseFloat(getComputedStyle(e).opacity) >= 0.9)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("my-checks-done-1920x1080.png"), FullPage = true });
        await toast.GetByText("去检查").ClickAsync();
        await Expect(page).ToHaveURLAsync(host.Url($"/my/checks/{window2}"));
        await Expect(row2).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-selected"));

        // The same page on a phone: one column, no sideways scrolling; the open check replaces the list.
        var phone = await host.NewContextAsync(390, 844);
        var mobile = await host.OpenAsync(phone, StaffAccount, "/", "/my/checks", "#checks-list");
        await Expect(mobile.Locator(".checks-round")).ToHaveCountAsync(2);
        await BrowserHost.FontsReadyAsync(mobile);
        var listPath = BrowserHost.ScreenshotPath("my-checks-390x844.png");
        await mobile.ScreenshotAsync(new PageScreenshotOptions { Path = listPath, FullPage = true });
        var scrollWidth = await mobile.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"/my/checks scrolls sideways on a phone: {scrollWidth} px wide");
        await mobile.Locator($".checks-round[data-round='{window2}'] .checks-open").ClickAsync();
        await Expect(mobile.Locator(".checklist-item")).ToHaveCountAsync(5);
        await Expect(mobile.Locator("#checks-list")).ToBeHiddenAsync();
        await BrowserHost.FontsReadyAsync(mobile);
        var sheetPath = BrowserHost.ScreenshotPath("my-checks-sheet-390x844.png");
        await mobile.ScreenshotAsync(new PageScreenshotOptions { Path = sheetPath, FullPage = true });
        scrollWidth = await mobile.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"/my/checks/{{id}} scrolls sideways on a phone: {scrollWidth} px wide");
        output.WriteLine($"screenshots {listPath}, {sheetPath}");
    }

    private async Task<BrowserHost> StartAsync(FakeTimeProvider clock)
    {
        var host = await BrowserHost.StartAsync(Database, services: services => services.AddSingleton<TimeProvider>(clock));
        // The jobs the app runs at start plan from the schedules; wait for them, then take the round
        // jobs off the schedule so that only this test decides what the day's checks are.
        var monitoring = host.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(
            () => Task.FromResult(monitoring.SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(RoundPlanJob))
                && monitoring.SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(ShutdownReminderJob))),
            TimeSpan.FromSeconds(30), "the round jobs the app runs at start have finished");
        var recurring = host.App.Services.GetRequiredService<IRecurringJobManager>();
        foreach (var id in new[] { RoundPlanJob.Id, RoundMonitorJob.Id, ShutdownReminderJob.Id })
        {
            recurring.RemoveIfExists(id);
        }
        return host;
    }

    /// <summary>Today's shutdown checks of windows 1 and 2, due from five minutes ago (not before midnight), and nothing else.</summary>
    private static async Task<(long Window1, long Window2)> TodaysShutdownChecksAsync(BrowserHost host, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var midnight = calendar.ToInstant(calendar.LocalDate(now), TimeOnly.MinValue);
        var dueFrom = now.AddMinutes(-5) < midnight ? midnight : now.AddMinutes(-5);
        await using var db = host.App.CreateDbContext();
        await db.Alerts.Where(a => a.Subject.StartsWith(HallSubjects.RoundPrefix)).ExecuteDeleteAsync();
        await db.Rounds.ExecuteDeleteAsync();
        var template = await db.RoundTemplates.SingleAsync(t => t.Code == "shutdown-window");
        var windows = await db.Windows.Where(w => w.Number == 1 || w.Number == 2).ToDictionaryAsync(w => w.Number);
        var rounds = windows.Values.OrderBy(w => w.Number).Select(w => new RoundInstance
        {
            TemplateId = template.Id, OccurrenceKey = $"test|{HallSubjects.Window(w.Id)}|{dueFrom.UtcTicks}", Kind = RoundKind.ShutdownCheck,
            Subject = HallSubjects.Window(w.Id), WindowId = w.Id, FloorId = w.FloorId, AssigneeRole = "Staff", State = RoundState.Due,
            DueFrom = dueFrom, DueBy = now.AddMinutes(25), MissedAt = now.AddMinutes(85), NextCheckAt = now.AddMinutes(25),
        }).ToList();
        db.Rounds.AddRange(rounds);
        await db.SaveChangesAsync();
        return (rounds[0].Id, rounds[1].Id);
    }

    /// <summary>What the closing routine does at closing + 10 for a check still open: the round is reminded, its window alerted.</summary>
    private static async Task RemindAsync(BrowserHost host, TimeProvider clock, long roundId)
    {
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.SingleAsync(r => r.Id == roundId);
        round.RemindedAt = clock.GetUtcNow();
        db.Alerts.Add(ShutdownRoutine.ReminderFor(round, clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }
}
