using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Inquiries;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Alerts;
using HallOps.Web.Inquiries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Inquiries;

/// <summary>
/// FQ3.8 on the real app and SQLite database: at the close of the working day every inquiry still without
/// a disposition raises one alert to its responder (seen on /my, whichever window), the scan run twice raises
/// nothing twice, and the disposition resolves it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InquiryEndOfDayTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task FQ3_8_AtTheClose_EachUndisposedInquiryRaisesOneAlertToItsResponder_TwiceRunStillOne_ResolvedByItsDisposition()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var inquiries = staff.ServiceProvider.GetRequiredService<InquiryService>();
        var open1 = (await inquiries.LogAsync(new InquiryForm { Subject = "营业执照变更" })).InquiryId!.Value;
        var open2 = (await inquiries.LogAsync(new InquiryForm { Channel = InquiryChannel.Phone, Subject = "契税缴纳时间" })).InquiryId!.Value;
        var answered = (await inquiries.LogAsync(new InquiryForm { Subject = "婚姻登记预约" }, answeredOnTheSpot: true)).InquiryId!.Value;
        var endOfDay = hall.App.Services.GetRequiredService<InquiryEndOfDay>();

        // Before the close: nothing yet.
        await endOfDay.CheckAsync();
        Assert.Empty(await OpenAlertsAsync());

        hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 17, 0, 0, CoverageHall.Beijing));
        await endOfDay.CheckAsync();
        await endOfDay.CheckAsync();

        var alerts = await OpenAlertsAsync();
        Assert.Equal([HallSubjects.Inquiry(open1), HallSubjects.Inquiry(open2)], alerts.Select(a => a.Subject).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal((AlertSeverity.Warning, (int?)null), (a.Severity, a.WindowId)));
        Assert.DoesNotContain(alerts, a => a.Subject == HallSubjects.Inquiry(answered));

        // The responder sees them on /my though they were logged away from a window; another member of staff does not.
        var mine = await staff.ServiceProvider.GetRequiredService<AlertService>().MineAsync();
        Assert.Equal(alerts.Select(a => a.Id).Order(), mine.Where(a => a.Kind == AlertKinds.InquiryOpen).Select(a => a.Id).Order());
        await using var other = await hall.StaffAsync("李静");
        Assert.DoesNotContain(await other.ServiceProvider.GetRequiredService<AlertService>().MineAsync(), a => a.Kind == AlertKinds.InquiryOpen);
        Assert.True((await staff.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(alerts[0].Id, null)).Succeeded);

        // The disposition resolves its alert at once; the next run leaves the other as it is.
        Assert.True((await inquiries.DisposeAsync(open1, new DisposeForm { Disposition = InquiryDisposition.GuidanceDesk })).Succeeded);
        await endOfDay.CheckAsync();
        Assert.Equal([HallSubjects.Inquiry(open2)], (await OpenAlertsAsync()).Select(a => a.Subject));
        await using var db = hall.CreateDbContext();
        Assert.Equal(1, await db.Alerts.CountAsync(a => a.Kind == AlertKinds.InquiryOpen && a.Subject == HallSubjects.Inquiry(open1)));
    }

    private async Task<List<Alert>> OpenAlertsAsync()
    {
        await using var db = hall.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Kind == AlertKinds.InquiryOpen).OrderBy(a => a.Subject).ToListAsync();
    }
}
