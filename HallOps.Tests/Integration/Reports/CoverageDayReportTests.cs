using System.Globalization;
using System.Net;
using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Domain.Identity;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using HallOps.Web.Reports;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HallOps.Tests.Integration.Reports;

/// <summary>
/// 今日在岗情况 (AB4, SC2.2) on the real app and database, on the test clock (Wednesday 2026-11-25,
/// winter hours 08:30–12:00, 14:00–17:00). Window 1: A 张晓明 (account "staff"), B 李静; window 2:
/// A 李静, B 张晓明. Nobody is on post before 10:00. Presence changes go through the staff page's
/// service, so they are stored with their history, as in the hall.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CoverageDayReportTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Fact]
    public async Task CoverageDay_AB4_AGoesAwayAndComesBack_TheReportAndTheWorkbookCountThoseGapAndBMinutes()
    {
        var (post1, _) = await hall.PostOfWindowAsync(1);
        var (post2, _) = await hall.PostOfWindowAsync(2);
        var liJing = await hall.StaffIdAsync("李静");
        await using var a = await hall.StaffAsync("张晓明", "staff");
        await using var b = await hall.StaffAsync("李静");
        var asA = a.ServiceProvider.GetRequiredService<PresenceService>();
        var asB = b.ServiceProvider.GetRequiredService<PresenceService>();

        // 10:00 both sign on; 10:30 A hands over to B and leaves; 10:50 B leaves too (both windows a gap);
        // 11:00 B is back (covers window 1 again); 11:15 A is back. The page is read at 11:30.
        Assert.True((await asA.SignOnAsync(post1)).Succeeded);
        Assert.True((await asB.SignOnAsync(post2)).Succeeded);
        hall.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True((await asA.GoAwayAsync(new AwayRequest { Reason = AwayReason.Business, HandoverToStaffId = liJing })).Succeeded);
        hall.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True((await asB.GoAwayAsync(new AwayRequest { Reason = AwayReason.Meeting })).Succeeded);
        hall.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await asB.ComeBackAsync()).Succeeded);
        hall.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True((await asA.ComeBackAsync()).Succeeded);
        hall.Clock.Advance(TimeSpan.FromMinutes(15));

        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var reports = manager.ServiceProvider.GetRequiredService<CoverageReportService>();
        Assert.Equal(Wednesday, await reports.TodayAsync());
        var answer = await reports.LoadAsync(Wednesday);

        var report = Assert.IsType<CoverageDayReport>(answer.Report);
        Assert.True(report.IsToday);
        Assert.Equal("11:30", report.CountedUntil.ToString("HH:mm", CultureInfo.InvariantCulture));
        var window1 = report.Windows.Single(w => w.Number == 1);
        var window2 = report.Windows.Single(w => w.Number == 2);
        // Window 1: gap 08:30–10:00 and 10:50–11:00; A 10:00–10:30 and 11:15–11:30; B 10:30–10:50 and 11:00–11:15.
        Assert.Equal(("张晓明", 45, 35, 100), (window1.AHolder, window1.AMinutes, window1.BMinutes, window1.GapMinutes));
        Assert.Equal(
        [
            "08:30–10:00 Gap -", "10:00–10:30 ByA 张晓明", "10:30–10:50 ByB 李静", "10:50–11:00 Gap -",
            "11:00–11:15 ByB 李静", "11:15–11:30 ByA 张晓明",
        ], window1.Timeline.Select(Line));
        // Window 2: its B (张晓明) was away when 李静 left at 10:50, so 10:50–11:00 is a gap there too.
        Assert.Equal(("李静", 80, 0, 100), (window2.AHolder, window2.AMinutes, window2.BMinutes, window2.GapMinutes));
        Assert.Equal(report.Windows.Sum(w => w.GapMinutes), report.Totals.GapMinutes);
        Assert.Equal(24, report.Totals.Windows);
        // The scan at 10:00 raised a gap alert for every post; window 1's cleared when A signed on.
        Assert.Contains(report.DayAlerts, x => x.Kind == AlertKinds.CoverageGap && x.WindowNumber == 1 && x.ResolvedAt is not null);
        Assert.Contains(report.Unresolved, x => x.Kind == AlertKinds.CoverageGap && x.WindowNumber == 3);
        Assert.DoesNotContain(report.Unresolved, x => x.WindowNumber is 1 or 2);
        Assert.All(report.Unresolved, x => Assert.True(x.IsOpen));

        // The workbook of the same day, through the endpoint, as the manager's browser fetches it.
        var client = await DemoAccounts.SignInAsync(hall.App, "manager");
        var response = await client.GetAsync("/manage/coverage/2026-11-25.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CoverageReportService.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2026-11-25", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["各窗口汇总", "时间轴明细"], MiniExcel.GetSheetNames(workbook));

        var totals = workbook.Query(useHeaderRow: true, sheetName: "各窗口汇总").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(25, totals.Count); // 24 windows and the total line
        var row1 = totals.Single(r => Int(r["窗口号"]) == 1);
        Assert.Equal(("不动产登记", "张晓明", 45, 35, 100),
            ((string?)row1["窗口名称"], (string?)row1["A岗"], Int(row1["A岗在岗（分钟）"]), Int(row1["B岗顶岗（分钟）"]), Int(row1["空岗（分钟）"])));
        foreach (var window in report.Windows)
        {
            var row = totals.Single(r => Int(r["窗口号"]) == window.Number);
            Assert.Equal((window.AMinutes, window.BMinutes, window.GapMinutes), (Int(row["A岗在岗（分钟）"]), Int(row["B岗顶岗（分钟）"]), Int(row["空岗（分钟）"])));
        }
        var total = totals[^1];
        Assert.Equal("合计", total["窗口名称"]);
        Assert.Equal(report.Totals.GapMinutes, Int(total["空岗（分钟）"]));

        var timeline = workbook.Query(useHeaderRow: true, sheetName: "时间轴明细").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(report.Windows.Sum(w => w.Timeline.Count), timeline.Count);
        Assert.Equal(
        [
            "08:30–10:00 空岗  90", "10:00–10:30 A岗在岗 张晓明 30", "10:30–10:50 B岗顶岗 李静 20", "10:50–11:00 空岗  10",
            "11:00–11:15 B岗顶岗 李静 15", "11:15–11:30 A岗在岗 张晓明 15",
        ], timeline.Where(r => Int(r["窗口号"]) == 1).Select(r => $"{r["开始"]}–{r["结束"]} {r["状态"]} {r["人员"]} {Int(r["分钟"])}"));
    }

    [Fact]
    public async Task CoverageDay_SC2_2_AFutureDateIsRefusedWithAMessage_AndAPastDayIsCountedInFull()
    {
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var reports = manager.ServiceProvider.GetRequiredService<CoverageReportService>();

        var tomorrow = await reports.LoadAsync(Wednesday.AddDays(1));
        var yesterday = await reports.LoadAsync(Wednesday.AddDays(-1));

        Assert.Null(tomorrow.Report);
        Assert.Contains("2026-11-26", tomorrow.Error);
        var report = Assert.IsType<CoverageDayReport>(yesterday.Report);
        Assert.False(report.IsToday);
        // Nobody signed on on Tuesday in the demo hall: all 390 open minutes of every window are a gap.
        Assert.All(report.Windows, w => Assert.Equal((0, 0, 390), (w.AMinutes, w.BMinutes, w.GapMinutes)));
        Assert.Equal("17:00", report.CountedUntil.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static string Line(CoverageSegment segment) =>
        $"{segment.From:HH:mm}–{segment.To:HH:mm} {segment.State} {segment.Who ?? "-"}";

    private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
