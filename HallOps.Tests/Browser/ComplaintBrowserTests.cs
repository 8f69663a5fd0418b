using HallOps.Domain.Calendar;
using HallOps.Domain.Complaints;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// 投诉举报 (AC5, SC2.6) in a real browser at the office's 1366×768 desk: the demo queue shows the
/// overdue complaint red and the due-soon report yellow with their counts; a complaint a first
/// inquiry opens elsewhere appears without a reload; the complaint's page shows the complainant in
/// full and refuses to close it without the outcome and the reply.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ComplaintBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private static readonly LocatorAssertionsToHaveCountOptions Wait = new() { Timeout = 10_000 };

    [SkippableFact]
    public async Task Complaints_TheOfficeWorksTheQueueAndOpensAComplaint_AtTheDesk()
    {
        // The demo's lights are counted back from the seeding instant: pin the clock to a working morning.
        var clock = new FakeTimeProvider(WallClock.LastWorkingDayAt(new TimeOnly(10, 0)));
        await using var host = await BrowserHost.StartAsync(Database, services: services => services.AddSingleton<TimeProvider>(clock));
        var context = await host.NewContextAsync(1366, 768);
        var page = await host.OpenAsync(context, "office", "/", "/office/complaints", "#complaint-table");
        await BrowserHost.FontsReadyAsync(page);

        // The demo queue: one red (overdue), the report and the bad rating yellow, open ones first.
        await Expect(page.Locator("#complaint-table tbody tr[data-light='Red']")).ToHaveCountAsync(1, Wait);
        await Expect(page.Locator("#complaint-table tbody tr[data-light='Yellow']")).ToHaveCountAsync(2, Wait);
        await Expect(page.Locator("#complaint-overdue-count")).ToHaveTextAsync("超期 1");
        var statuses = await page.Locator("#complaint-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
        Assert.Equal(statuses.OrderBy(s => s == "Open" ? 0 : 1), statuses);
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the queue scrolls sideways at 1366");

        var queueShot = BrowserHost.ScreenshotPath("complaint-queue-1366x768.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = queueShot, FullPage = true });
        output.WriteLine($"screenshot {queueShot}");

        // Live: a 投诉 first inquiry logged at a window opens a complaint; the queue shows it without a reload.
        await page.EvaluateAsync("() => window.__noReload = true");
        var rows = await page.Locator("#complaint-table tbody tr").CountAsync();
        await AddFromInquiryAsync(host);
        await Expect(page.Locator("#complaint-table tbody tr")).ToHaveCountAsync(rows + 1, Wait);
        await Expect(page.Locator("#complaint-table tbody tr").Filter(new LocatorFilterOptions { HasText = "首问转来" })).ToHaveCountAsync(1, Wait);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "the page reloaded to show the change");

        // The overdue complaint's page: the complainant in full, closing refused with the reasons.
        await page.Locator("#complaint-table tbody tr[data-light='Red'] a.complaint-number").ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(page, "#complaint-close-button");
        await Expect(page.Locator("#complaint-name")).ToHaveTextAsync("刘建国");
        await Expect(page.Locator("#complaint-phone")).ToHaveTextAsync("13955621873");
        await Expect(page.Locator("#complaint-light")).ToHaveTextAsync("超期");
        await page.Locator("#complaint-close-button").ClickAsync();
        await Expect(page.Locator("#complaint-error")).ToHaveCountAsync(2, Wait);
        await Expect(page.Locator("#complaint-status")).ToHaveAttributeAsync("data-status", "Open");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the complaint page scrolls sideways at 1366");

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var detailShot = BrowserHost.ScreenshotPath("complaint-detail-1366x768.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = detailShot, FullPage = true });
        output.WriteLine($"screenshot {detailShot}");
    }

    /// <summary>What the inquiry log does for a 投诉 inquiry (FQ3.6): a complaint from <see cref="ComplaintRules.FromInquiry"/>.</summary>
    private static async Task AddFromInquiryAsync(BrowserHost host)
    {
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = host.App.CreateDbContext();
        var window = await db.Windows.SingleAsync(w => w.Number == 6);
        var inquiry = new HallOps.Domain.Inquiries.Inquiry
        {
            ReceivedAt = now,
            Channel = HallOps.Domain.Inquiries.InquiryChannel.Visit,
            Category = HallOps.Domain.Inquiries.InquiryCategory.Complaint,
            Subject = "群众当面投诉6号窗口叫号后无人受理",
            WindowId = window.Id,
            ResponderUserName = "staff",
            ResponderName = "张晓明",
            PersonName = "孙丽",
        };
        var today = calendar.LocalDate(now);
        var complaint = ComplaintRules.FromInquiry(inquiry, ComplaintRules.Number(today, 900),
            ComplaintRules.DueSoonAt(now, 5, 1, calendar), ComplaintRules.DueAt(now, 5, calendar));
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync();
    }
}
