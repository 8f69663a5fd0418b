using HallOps.Domain.Inquiries;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// FQ1, FQ3.1 in a real browser: a window clerk logs a visitor's 咨询 on /inquiries and answers it on the
/// spot — the subject typed, 当场答复 pressed — on the window PC (1366×768) and on a phone (390×844);
/// it appears under 我今天的首问登记 as 已办结 and is stored closed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InquiryBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task FQ3_1_AStaffMemberLogsAConsultation_AndAnswersItOnTheSpot_OnTheWindowPcAndOnAPhone()
    {
        var host = await StartAsync();
        foreach (var (width, height, subject) in new[] { (1366, 768, "居民身份证异地换领"), (390, 844, "老年人优待证办理") })
        {
            var context = await host.NewContextAsync(width, height);
            var page = await host.OpenAsync(context, "staff", "/", "/inquiries", "#inquiry-answer");
            await Expect(page.Locator("[data-channel='Visit']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-chip-selected"));

            await page.Locator("#inquiry-subject").FillAsync(subject);
            // The suggestions (what was typed comes first) open after the debounce; close them as a clerk would.
            await Expect(page.Locator(".mud-popover-open")).ToContainTextAsync(subject, new LocatorAssertionsToContainTextOptions { Timeout = 10_000 });
            // A search still under way when Escape closes the list opens it again (seen on a loaded
            // machine): press Escape again until the list stays closed, as a clerk would.
            for (var attempt = 1; ; attempt++)
            {
                await page.Keyboard.PressAsync("Escape");
                try
                {
                    await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 2_000 });
                    break;
                }
                catch (PlaywrightException) when (attempt < 4)
                {
                }
            }
            await page.Locator("#inquiry-answer").ClickAsync();

            var row = page.Locator("#inquiry-list .inquiry-row").Filter(new LocatorFilterOptions { HasText = subject });
            await Expect(row).ToHaveAttributeAsync("data-state", nameof(InquiryState.Closed), new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
            await Expect(row.Locator(".inquiry-state")).ToHaveTextAsync("已办结");
            await Expect(page.Locator("#inquiry-subject")).ToHaveValueAsync("");

            await BrowserHost.FontsReadyAsync(page);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            var innerWidth = await page.EvaluateAsync<int>("() => window.innerWidth");
            var path = BrowserHost.ScreenshotPath($"inquiries-{width}x{height}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            output.WriteLine($"/inquiries at {width}×{height}: scrollWidth {scrollWidth}, innerWidth {innerWidth}; screenshot {path}");
            Assert.True(scrollWidth <= innerWidth, $"/inquiries scrolls sideways at {width}×{height}: {scrollWidth} px in a {innerWidth} px window.");

            await using var db = host.App.CreateDbContext();
            var inquiry = await db.Inquiries.AsNoTracking().SingleAsync(i => i.Subject == subject);
            Assert.Equal((InquiryDisposition.Handled, FeedbackMethod.OnTheSpot, "staff", true),
                (inquiry.Disposition!.Value, inquiry.FeedbackMethod!.Value, inquiry.ResponderUserName, inquiry.ClosedAt is not null));
        }

        // The other pages, for people to look at: an inquiry awaiting feedback, the written notice, the office's log and directory.
        var desk = await host.NewContextAsync(1366, 768);
        long waiting, answered;
        await using (var db = host.App.CreateDbContext())
        {
            waiting = await db.Inquiries.Where(i => i.Subject == "新生儿落户").Select(i => i.Id).SingleAsync();
            answered = await db.Inquiries.Where(i => i.Subject == "二手房过户需要哪些材料").Select(i => i.Id).SingleAsync();
        }
        var detail = await host.OpenAsync(desk, "staff", "/", $"/inquiries/{waiting}", "#feedback-close");
        await Expect(detail.Locator("#inquiry-person")).ToContainTextAsync("李*英");
        await detail.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("inquiry-detail-1366x768.png"), FullPage = true });
        await detail.GotoAsync(host.Url($"/inquiries/{answered}/notice"));
        await Expect(detail.Locator("#notice-items li")).ToHaveCountAsync(4);
        await detail.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("inquiry-notice.png"), FullPage = true });
        var officeContext = await host.NewContextAsync(1366, 768);
        var office = await host.OpenAsync(officeContext, "office", "/", "/office/inquiries", "#office-inquiries");
        await Expect(office.Locator("#office-inquiries")).ToContainTextAsync("李秀英");
        await office.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("office-inquiries-1366x768.png"), FullPage = true });
        await office.GotoAsync(host.Url("/office/departments"));
        await Expect(office.Locator("#department-list")).ToContainTextAsync("县住房公积金管理中心");
        await office.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("office-departments-1366x768.png"), FullPage = true });
    }
}
