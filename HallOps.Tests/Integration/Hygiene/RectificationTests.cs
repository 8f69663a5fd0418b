using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Hygiene;
using HallOps.Web.Identity;
using HallOps.Web.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Hygiene;

/// <summary>
/// HY4 整改 on the real app and database, on the test clock: the manager inspects window 1 (A 张晓明,
/// account "staff"; B 李静) on Thursday 2026-11-26 and fails one item; it becomes a rectification due
/// in two working days — Monday 11-30, over the weekend. Not done by then, it raises one overdue
/// alert on Tuesday, however often the job runs; reported done, the alert is resolved; a manager
/// confirms it or sends it back.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RectificationTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private RectificationMonitor Monitor => hall.App.Services.GetRequiredService<RectificationMonitor>();

    [Fact]
    public async Task HY4_AFailedInspectionItem_IsARectificationDueInTwoWorkingDays_OverdueAfterItAlertsOnce_AndDoneResolvesIt()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 9, 30, 0, Beijing));
        var (_, window1) = await hall.PostOfWindowAsync(1);

        // The manager inspects window 1 now, outside the schedule, and fails "地面干净" with a note.
        long roundId;
        await using (var manager = hall.SignedIn("manager", HallRoles.Manager))
        {
            var inspections = manager.ServiceProvider.GetRequiredService<InspectionService>();
            var started = await inspections.StartNowAsync(HallSubjects.Window(window1));
            roundId = Assert.IsType<long>(started.RoundId);
            var rounds = manager.ServiceProvider.GetRequiredService<RoundService>();
            var sheet = (await rounds.SheetAsync(roundId))!;
            Assert.True(sheet.MayWork);
            var inputs = sheet.Items.Select(i => i.Text == "地面干净"
                ? new CheckInput(i.Order, CheckResult.Fail, "柜台下有纸屑", null)
                : new CheckInput(i.Order, CheckResult.Pass, null, null)).ToList();
            var completed = await rounds.CompleteAsync(roundId, inputs, null);
            Assert.True(completed.Succeeded, string.Join(" ", completed.Errors));
        }
        await using (var db = hall.CreateDbContext())
        {
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId);
            Assert.Equal((RoundState.Done, 80, await hall.StaffIdAsync("张晓明")), (round.State, round.Score, round.ResponsibleStaffId));
            Assert.StartsWith("manual|", round.OccurrenceKey);
            var rectification = await db.Rectifications.AsNoTracking().SingleAsync(r => r.RoundId == roundId);
            Assert.Equal(("地面干净", "柜台下有纸屑", new DateOnly(2026, 11, 30), window1), (rectification.Item, rectification.Note, rectification.DueOn, rectification.WindowId));
        }

        // The window's A and B see it; a clerk of another window neither sees it nor may report it done.
        await using var a = await hall.StaffAsync("张晓明", "staff");
        await using var b = await hall.StaffAsync("李静");
        await using var stranger = await hall.StaffAsync("王建华");
        var id = Assert.Single((await a.ServiceProvider.GetRequiredService<RectificationService>().OpenAsync()).Rows, r => r.RoundId == roundId).Id;
        Assert.Contains((await b.ServiceProvider.GetRequiredService<RectificationService>().OpenAsync()).Rows, r => r.Id == id);
        var strangers = stranger.ServiceProvider.GetRequiredService<RectificationService>();
        Assert.DoesNotContain((await strangers.OpenAsync()).Rows, r => r.Id == id);
        Assert.Equal(["这项整改不属于您的窗口：只有本窗口A、B岗人员或管理人员可以处理。"], (await strangers.MarkDoneAsync(id, "已清扫")).Errors);

        // Friday, the weekend and Monday (the due date itself): not overdue.
        foreach (var day in new[] { 27, 28, 29, 30 })
        {
            hall.Clock.SetUtcNow(new DateTimeOffset(2026, 11, day, 18, 0, 0, Beijing));
            await Monitor.CheckAsync();
        }
        Assert.Empty(await AlertsAsync(id));
        Assert.False((await a.ServiceProvider.GetRequiredService<RectificationService>().OpenAsync()).Rows.Single(r => r.Id == id).Overdue);

        // Tuesday: overdue, one alert for the window however often the job runs.
        hall.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Beijing));
        await Monitor.CheckAsync();
        await Monitor.CheckAsync();
        var alert = Assert.Single(await AlertsAsync(id));
        Assert.Equal((true, window1, AlertSeverity.Warning), (alert.IsOpen, alert.WindowId, alert.Severity));
        var mine = a.ServiceProvider.GetRequiredService<RectificationService>();
        Assert.True((await mine.OpenAsync()).Rows.Single(r => r.Id == id).Overdue);

        // A reports it done: the alert is resolved at once, and stays so.
        hall.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(["请填写整改情况。"], (await mine.MarkDoneAsync(id, " ")).Errors);
        Assert.True((await mine.MarkDoneAsync(id, "已清扫干净，纸篓已清空")).Succeeded);
        alert = Assert.Single(await AlertsAsync(id));
        Assert.Equal((false, hall.Clock.GetUtcNow()), (alert.IsOpen, alert.ResolvedAt));
        await Monitor.CheckAsync();
        Assert.Single(await AlertsAsync(id));
        Assert.Equal(["这项整改已由 staff 于 12-01 08:40 报告完成。"],
            (await b.ServiceProvider.GetRequiredService<RectificationService>().MarkDoneAsync(id, "我也扫了")).Errors);
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => mine.ConfirmAsync(id));

        // The manager sends it back: open again and, past its date, overdue again (a new alert).
        await using (var manager = hall.SignedIn("manager", HallRoles.Manager))
        {
            var managers = manager.ServiceProvider.GetRequiredService<RectificationService>();
            Assert.Equal(["请填写退回原因。"], (await managers.SendBackAsync(id, null)).Errors);
            Assert.True((await managers.SendBackAsync(id, "桌下仍有纸屑")).Succeeded);
        }
        var sentBack = (await mine.OpenAsync()).Rows.Single(r => r.Id == id);
        Assert.Equal(("桌下仍有纸屑", (DateTimeOffset?)null, true), (sentBack.SentBackNote, sentBack.DoneAt, sentBack.Overdue));
        await Monitor.CheckAsync();
        Assert.Single(await AlertsAsync(id), x => x.IsOpen);

        // Done again, and confirmed: it leaves the lists.
        Assert.True((await mine.MarkDoneAsync(id, "已重新清扫")).Succeeded);
        await using (var manager = hall.SignedIn("manager", HallRoles.Manager))
        {
            var managers = manager.ServiceProvider.GetRequiredService<RectificationService>();
            Assert.True((await managers.ConfirmAsync(id)).Succeeded);
            Assert.Equal(["这项整改已由 manager 于 12-01 08:40 确认。"], (await managers.ConfirmAsync(id)).Errors);
            Assert.DoesNotContain((await managers.OpenAsync()).Rows, r => r.Id == id);
        }
        Assert.DoesNotContain((await mine.OpenAsync()).Rows, r => r.Id == id);
        Assert.DoesNotContain(await AlertsAsync(id), x => x.IsOpen);
    }

    [Fact]
    public async Task HY3_AnInspectionOfAPublicArea_StartedNow_IsDueByTheEndOfTheDay_AndAnUnknownPlaceIsRefused()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var inspections = manager.ServiceProvider.GetRequiredService<InspectionService>();
        var places = await inspections.PlacesAsync();
        var lobby = places.Single(p => p.Name == "一楼大厅");
        Assert.False(lobby.IsWindow);
        Assert.Equal(24, places.Count(p => p.IsWindow));

        Assert.Equal(["找不到这个窗口或公共区域，或已停用。"], (await inspections.StartNowAsync("area:99999")).Errors);
        Assert.Equal(["请先选择要检查的窗口或公共区域。"], (await inspections.StartNowAsync("hall")).Errors);
        var started = await inspections.StartNowAsync(lobby.Subject);

        var now = hall.Clock.GetUtcNow();
        await using var db = hall.CreateDbContext();
        var round = await db.Rounds.AsNoTracking().Include(r => r.Template).SingleAsync(r => r.Id == started.RoundId);
        var endOfDay = new DateTimeOffset(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Date.AddDays(1), Beijing);
        Assert.Equal(("hygiene-area", lobby.Subject, RoundState.InProgress, "manager", now, endOfDay, endOfDay),
            (round.Template!.Code, round.Subject, round.State, round.StartedBy, round.DueFrom, round.DueBy, round.MissedAt));
        Assert.Null(round.WindowId);
        var week = await inspections.WeekAsync();
        var row = Assert.Single(week.Rows, r => r.Id == started.RoundId);
        Assert.Equal(("一楼大厅", true, false), (row.Place, row.Manual, row.IsWindow));

        await using var staff = await hall.StaffAsync("张晓明", "staff");
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => staff.ServiceProvider.GetRequiredService<InspectionService>().StartNowAsync(lobby.Subject));
    }

    private async Task<List<Alert>> AlertsAsync(long rectificationId)
    {
        await using var db = hall.CreateDbContext();
        var subject = HallSubjects.Rectification(rectificationId);
        return await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKinds.RectificationOverdue && a.Subject == subject).ToListAsync();
    }
}
