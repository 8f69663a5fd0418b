using HallOps.Domain.Accountability;
using HallOps.Domain.Complaints;
using HallOps.Domain.Inquiries;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// First inquiry to accountability, in three browsers at the same time (FQ3.6, AC5, AC1–AC4): a
/// visitor complains at window 1 and 张晓明 logs it as a 投诉; the bureau office's open queue shows it
/// without a reload; the office names the staff member concerned, raises a dereliction record from
/// the complaint and confirms it with severity and sanction; 张晓明's open 我的失职记录 shows it
/// without a reload and he acknowledges having read it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccountabilityFlowBrowserTests(ITestOutputHelper output) : BrowserTest
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 10_000 };

    [SkippableFact]
    public async Task FQ3_6_AC5_AC4_AComplaintLoggedAtTheWindow_ReachesTheOffice_BecomesAConfirmedRecord_ThatTheStaffMemberAcknowledges()
    {
        var clock = new FakeTimeProvider(WallClock.LastWorkingDayAt(new TimeOnly(10, 0)));
        await using var host = await BrowserHost.StartAsync(Database, services: services => services.AddSingleton<TimeProvider>(clock));
        const string subject = "办事群众投诉窗口人员答复不耐烦";

        // The office's queue and the staff member's records are open before anything happens.
        var officeDesk = await host.NewContextAsync(1366, 768);
        var office = await host.OpenAsync(officeDesk, "office", "/", "/office/complaints", "#complaint-table");
        await office.EvaluateAsync("() => window.__noReload = true");
        var staffRecordsDesk = await host.NewContextAsync(1366, 768);
        var records = await host.OpenAsync(staffRecordsDesk, "staff", "/", "/my/records", "#records-list");
        await records.EvaluateAsync("() => window.__noReload = true");

        // FQ3.6: 张晓明 logs the complaint at his window.
        var windowPc = await host.NewContextAsync(1366, 768);
        var inquiries = await host.OpenAsync(windowPc, "staff", "/", "/inquiries", "#inquiry-log");
        await inquiries.Locator("[data-category='Complaint']").ClickAsync();
        await Expect(inquiries.Locator("#inquiry-complaint-hint")).ToBeVisibleAsync();
        await inquiries.Locator("#inquiry-subject").FillAsync(subject);
        await inquiries.Keyboard.PressAsync("Escape");
        await inquiries.Locator("#inquiry-person-name").Locator("xpath=descendant-or-self::input").FillAsync("赵国庆");
        await inquiries.Locator("#inquiry-person-phone").Locator("xpath=descendant-or-self::input").FillAsync("13955620001");
        await inquiries.Locator("#inquiry-log").ClickAsync();
        await Expect(inquiries.Locator("#inquiry-list .inquiry-row").Filter(new LocatorFilterOptions { HasText = subject })).ToBeVisibleAsync(Live);

        // AC5: it arrives in the office's queue without a reload.
        var row = office.Locator("#complaint-table tbody tr").Filter(new LocatorFilterOptions { HasText = subject });
        await Expect(row).ToBeVisibleAsync(Live);
        Assert.True(await office.EvaluateAsync<bool>("() => window.__noReload === true"), "the office's queue reloaded to show the complaint");
        long complaintId;
        await using (var db = host.App.CreateDbContext())
        {
            var inquiry = await db.Inquiries.AsNoTracking().SingleAsync(i => i.Subject == subject);
            Assert.Equal((InquiryCategory.Complaint, InquiryDisposition.BureauOffice), (inquiry.Category, inquiry.Disposition));
            var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.InquiryId == inquiry.Id);
            Assert.Equal((ComplaintKind.Complaint, ComplaintSource.Inquiry, "赵国庆"), (complaint.Kind, complaint.Source, complaint.ComplainantName));
            complaintId = complaint.Id;
        }

        // The office names the staff member concerned and raises a dereliction record from the complaint.
        await row.Locator("a.complaint-number").ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(office, "#complaint-dereliction-raise");
        await office.Locator("#complaint-subject-staff").ClickAsync();
        await office.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "张晓明" }).ClickAsync();
        await office.Locator("#complaint-subject-save").ClickAsync();
        await Expect(office.Locator("#complaint-subject-save")).ToBeDisabledAsync(new LocatorAssertionsToBeDisabledOptions { Timeout = 10_000 });
        await office.Locator("#complaint-dereliction-raise").ClickAsync();
        var raised = office.Locator("#complaint-derelictions [data-dereliction-link]");
        await Expect(raised).ToBeVisibleAsync(Live);
        var recordId = long.Parse((await raised.GetAttributeAsync("data-dereliction-link"))!, System.Globalization.CultureInfo.InvariantCulture);

        // AC2–AC4: confirmed with severity and sanction.
        await raised.ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(office, "#confirm-submit");
        await office.Locator("#confirm-maker").Locator("xpath=descendant-or-self::input").FillAsync("局办公室主任 王强");
        await office.Locator("[data-severity='Minor'] .mud-radio").ClickAsync();
        await office.Locator("[data-sanction='Criticism'] .mud-checkbox").ClickAsync();
        await office.Locator("#confirm-submit").ClickAsync();
        await Expect(office.Locator("#dereliction-status")).ToHaveAttributeAsync("data-status", nameof(DerelictionStatus.Confirmed),
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });

        // 张晓明's open records page shows it without a reload; he acknowledges having read it.
        var record = records.Locator($"[data-record='{recordId}']");
        await Expect(record).ToBeVisibleAsync(Live);
        Assert.True(await records.EvaluateAsync<bool>("() => window.__noReload === true"), "the staff member's records reloaded to show the record");
        await BrowserHost.FontsReadyAsync(records);
        var path = BrowserHost.ScreenshotPath("my-records-from-complaint-1366x768.png");
        await records.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");
        await record.Locator($"[data-acknowledge='{recordId}']").ClickAsync();
        await Expect(record.Locator($"[data-read-at='{recordId}']")).ToBeVisibleAsync(Live);

        await using (var db = host.App.CreateDbContext())
        {
            var stored = await db.DerelictionRecords.AsNoTracking().SingleAsync(d => d.Id == recordId);
            var zhang = await db.StaffMembers.Where(s => s.Name == "张晓明").Select(s => s.Id).SingleAsync();
            Assert.Equal((DerelictionOrigin.Complaint, complaintId, zhang), (stored.Origin, stored.ComplaintId, stored.StaffMemberId));
            Assert.Equal((DerelictionSeverity.Minor, DerelictionSanctions.Criticism), (stored.Severity, stored.Sanctions));
            Assert.NotNull(stored.ReadAt);
        }
    }
}
