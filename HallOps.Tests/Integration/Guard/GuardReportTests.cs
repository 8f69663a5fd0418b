using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Tests.Support;
using HallOps.Web.Guard;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Guard;

/// <summary>
/// What a guard logs from the phone on the real app and SQLite database (<see cref="GuardHall"/>):
/// patrol stops (SE2.3), hazard and incident reports that reach the manager at once (SE7), and the
/// goods-out register (SE6), whose bad input is explained in Chinese and stores nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GuardReportTests(GuardHall hall) : IClassFixture<GuardHall>
{
    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private AsyncServiceScope Guard() => hall.SignedIn("guard", HallRoles.Guard, "马国强");

    [Fact]
    public async Task SE2_3_ScanningAPublicAreasLabel_LogsOnePatrolStop_ThatTheGuardMayAddAFindingTo()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var lobby = await hall.CheckpointAsync("一楼大厅");
        await using var scope = Guard();
        var checkpoints = Service<CheckpointService>(scope);

        var scan = await checkpoints.ScanAsync(lobby.Token);
        var again = await checkpoints.ScanAsync(lobby.Token);

        Assert.Equal((ScanOutcome.PatrolStop, "一楼大厅", false), (scan.Outcome, scan.PlaceName, scan.Repeated));
        Assert.Equal((scan.StopId, true), (again.StopId, again.Repeated));
        var patrols = Service<PatrolService>(scope);
        var stop = (await patrols.TonightAsync()).Single(s => s.Id == scan.StopId);
        Assert.Equal(("一楼大厅", GuardHall.Evening, "马国强", true, CheckResult.Pass), (stop.PlaceName, stop.At, stop.By, stop.Scanned, stop.Result));

        Assert.Equal(["请写下情况说明，或选择发现异常。"], (await patrols.AddFindingAsync(stop.Id, problem: false, "  ", null)).Errors);
        Assert.True((await patrols.AddFindingAsync(stop.Id, problem: false, "大厅灯已全关，门已锁好。", null)).Succeeded);
        Assert.Equal(["这次巡逻的情况已经填过或已过时，请重新扫码或手动登记。"],
            (await patrols.AddFindingAsync(stop.Id, problem: true, "改口", null)).Errors);
        Assert.Equal("大厅灯已全关，门已锁好。", (await patrols.StopAsync(stop.Id))!.Note);

        await using var db = hall.CreateDbContext();
        var round = await db.Rounds.AsNoTracking().Include(r => r.Template).SingleAsync(r => r.Id == stop.Id);
        Assert.Equal((RoundKind.Patrol, RoundState.Done, HallSubjects.Area(lobby.Id), "patrol"), (round.Kind, round.State, round.Subject, round.Template!.Code));
        Assert.StartsWith("patrol|", round.OccurrenceKey);
        Assert.Null(round.NextCheckAt);
    }

    [Fact]
    public async Task SE2_3_APatrolStopEnteredByHand_NeedsAPlaceAndAReason_AndAProblemFoundAlertsTheManagerAtOnce()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = Guard();
        var patrols = Service<PatrolService>(scope);
        var corridor = (await patrols.PlacesAsync()).Single(p => p.Name == "二楼走廊");
        var before = (await patrols.TonightAsync()).Count;

        var refused = await patrols.LogAsync(new PatrolEdit { Problem = true });
        Assert.Equal(["请选择巡逻地点。", "发现异常时要写明是什么问题。", "手动登记要写明为什么没扫码。"], refused.Errors);
        Assert.Equal(["这个巡逻地点不存在或已停用，请重新选择。"],
            (await patrols.LogAsync(new PatrolEdit { Place = "area:99999", ManualReason = "二维码看不清" })).Errors);
        Assert.Equal(before, (await patrols.TonightAsync()).Count);

        var logged = await patrols.LogAsync(new PatrolEdit
        {
            Place = corridor.Key, Problem = true, Note = "走廊尽头窗户没关，已关好", ManualReason = "二维码被撕掉了",
        });

        Assert.True(logged.Succeeded, string.Join("; ", logged.Errors));
        var stop = (await patrols.TonightAsync()).First();
        Assert.Equal(("二楼走廊", false, "二维码被撕掉了", CheckResult.Fail, "走廊尽头窗户没关，已关好"),
            (stop.PlaceName, stop.Scanned, stop.ManualReason, stop.Result, stop.Note));
        await using var db = hall.CreateDbContext();
        var exception = await db.RoundExceptions.AsNoTracking().SingleAsync(e => e.RoundId == stop.Id);
        Assert.Equal(("走廊尽头窗户没关，已关好", "马国强"), (exception.Note, exception.FoundBy));
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Subject == HallSubjects.RoundExceptionSubject(exception.Id));
        Assert.Equal((AlertKinds.RoundException, AlertSeverity.Critical, true, GuardHall.Evening), (alert.Kind, alert.Severity, alert.IsOpen, alert.EscalatedAt));
    }

    [Fact]
    public async Task SE7_AHazardReport_AlertsTheManagerAtOnce_Escalated_AndClosingItResolvesTheAlert()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        int floorId;
        await using (var db = hall.CreateDbContext())
        {
            floorId = await db.Floors.Where(f => f.Level == 2).Select(f => f.Id).SingleAsync();
        }
        long id;
        await using (var scope = Guard())
        {
            var hazards = Service<HazardService>(scope);
            var (refused, none) = await hazards.ReportAsync(new HazardEdit { Location = " ", Description = new string('长', 1001) });
            Assert.Null(none);
            Assert.Equal(["请填写具体位置。", "情况描述最多 1000 个字。"], refused.Errors);

            var (result, reported) = await hazards.ReportAsync(new HazardEdit
            {
                Kind = HazardKind.Hazard, FloorId = floorId, Location = "二楼东侧茶水间", Description = "有人私接插线板给电暖器供电，已拔掉插头。",
            });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            id = reported!.Value;
            var tonight = await hazards.TonightAsync();
            Assert.Equal(("二楼", "二楼东侧茶水间", "马国强"), (tonight[0].FloorName, tonight[0].Location, tonight[0].ReportedBy));
            await Assert.ThrowsAsync<HallAccessDeniedException>(() => hazards.CloseAsync(id, "guards cannot close"));
        }

        await using (var db = hall.CreateDbContext())
        {
            var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Kind == AlertKinds.Hazard && a.Subject == HallSubjects.Hazard(id));
            Assert.Equal((AlertSeverity.Critical, true, GuardHall.Evening, GuardHall.Evening), (alert.Severity, alert.IsOpen, alert.RaisedAt, alert.EscalatedAt));
        }

        await using (var manager = hall.SignedIn("manager", HallRoles.Manager, "周建国"))
        {
            var hazards = Service<HazardService>(manager);
            Assert.Equal(["请填写处理情况。"], (await hazards.CloseAsync(id, "")).Errors);
            Assert.True((await hazards.CloseAsync(id, "已通知行政科收走电暖器，并对该窗口人员进行提醒。")).Succeeded);
            var row = (await hazards.ListAsync()).Single(h => h.Id == id);
            Assert.Equal(("周建国", "已通知行政科收走电暖器，并对该窗口人员进行提醒。"), (row.ClosedBy, row.CloseNote));
        }
        await using var check = hall.CreateDbContext();
        Assert.False(await check.Alerts.AnyAsync(a => a.IsOpen && a.Kind == AlertKinds.Hazard && a.Subject == HallSubjects.Hazard(id)));
    }

    public static TheoryData<string?, int?, string?, string?, int?, string> BadGoods => new()
    {
        { " ", 1, "张三", "周建国", null, "请填写物品名称。" },
        { "笔记本电脑", 0, "张三", "周建国", null, "数量至少为 1。" },
        { "笔记本电脑", -3, "张三", "周建国", null, "数量至少为 1。" },
        { "笔记本电脑", null, "张三", "周建国", null, "数量至少为 1。" },
        { "笔记本电脑", 10000, "张三", "周建国", null, "数量不能超过 9999。" },
        { "笔记本电脑", 1, "", "周建国", null, "请填写携带人。" },
        { "笔记本电脑", 1, "张三", "  ", null, "请填写批准人：公物出门须经批准。" },
        { "笔记本电脑", 1, "张三", "周建国", -1, "预计归还日期不能早于今天。" },
        { "笔记本电脑", 1, "张三", "周建国", 400, "预计归还日期不能超过 366 天以后。" },
        { new string('长', 201), 1, "张三", "周建国", null, "物品名称最多 200 个字。" },
        { "笔记本电脑", 1, new string('长', 101), "周建国", null, "携带人最多 100 个字。" },
    };

    [Theory]
    [MemberData(nameof(BadGoods))]
    public async Task SE6_BadGoodsOutEntries_GetAClearChineseMessage_AndStoreNothing(
        string? item, int? quantity, string? takenBy, string? approvedBy, int? returnInDays, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = Guard();
        var goods = Service<GoodsOutService>(scope);
        var before = await CountGoodsAsync();

        var result = await goods.RegisterAsync(new GoodsOutEdit
        {
            Item = item, Quantity = quantity, TakenBy = takenBy, ApprovedBy = approvedBy,
            ExpectedReturnOn = returnInDays is { } days ? goods.Today().AddDays(days).ToDateTime(TimeOnly.MinValue) : null,
        });

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Errors);
        Assert.Equal(before, await CountGoodsAsync());
    }

    [Fact]
    public async Task SE6_GoodsGoingOut_AreCheckedByTheGuardOnDuty_ListedUntilBack_AndCheckedBackIn()
    {
        await using var scope = Guard();
        var goods = Service<GoodsOutService>(scope);
        var today = goods.Today();

        var result = await goods.RegisterAsync(GoodsOutEntryEditFor(today));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var entry = (await goods.ListAsync()).Entries.Single(e => e.Item == "投影仪");
        Assert.Equal((2, "李静", "县自然资源局", "周建国", "马国强", today.AddDays(2), true),
            (entry.Quantity, entry.TakenBy, entry.TakenByUnit, entry.ApprovedBy, entry.CheckedBy, entry.ExpectedReturnOn, entry.Outstanding));

        Assert.True((await goods.ReturnAsync(entry.Id)).Succeeded);
        Assert.False((await goods.ReturnAsync(entry.Id)).Succeeded);
        var back = (await goods.ListAsync()).Entries.Single(e => e.Id == entry.Id);
        Assert.Equal(("马国强", false), (back.ReturnCheckedBy, back.Outstanding));

        await using var staff = hall.SignedIn("staff", HallRoles.Staff, "张晓明");
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Service<GoodsOutService>(staff).RegisterAsync(GoodsOutEntryEditFor(today)));
    }

    private static GoodsOutEdit GoodsOutEntryEditFor(DateOnly today) => new()
    {
        Item = "投影仪", Quantity = 2, TakenBy = "李静", TakenByUnit = "县自然资源局", ApprovedBy = "周建国",
        ExpectedReturnOn = today.AddDays(2).ToDateTime(TimeOnly.MinValue), Note = "下乡宣传用",
    };

    private async Task<int> CountGoodsAsync()
    {
        await using var db = hall.CreateDbContext();
        return await db.GoodsOut.CountAsync();
    }
}
