using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Network;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Alerts;
using HallOps.Web.Identity;
using HallOps.Web.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HallOps.Tests.Integration.Network;

/// <summary>
/// IT4, IT5, IT6 on the real app and database, on the test clock (Wednesday 2026-11-25, 10:00, Q4: the
/// grace working days ended on 20 October). The demo register has PC-W01 at window 1, held by 张晓明,
/// holding important files and confirmed only last quarter. Only the network desk keeps the register;
/// only a machine's holder confirms its boot password; the daily check alerts once per machine.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EquipmentRegisterTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private BootPasswordMonitor Monitor => hall.App.Services.GetRequiredService<BootPasswordMonitor>();

    private AsyncServiceScope NetAdmin() => hall.SignedIn("netadmin", HallRoles.NetworkAdmin);

    private static EquipmentService Register(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<EquipmentService>();

    [Fact]
    public async Task IT4_AnAssetNumberAlreadyRegisteredInAnotherCase_IsRefusedWithAClearMessage_AndNothingIsWritten()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = NetAdmin();
        var before = await CountsAsync();

        var refused = await Register(scope).RegisterAsync(new EquipmentEdit { AssetNumber = "  pc-w01 ", Kind = EquipmentKind.Pc, Room = "办公室" });

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Contains("PC-W01", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());

        var registered = await Register(scope).RegisterAsync(new EquipmentEdit { AssetNumber = "it-dup-01", Kind = EquipmentKind.Scanner, Room = "办公室" });
        Assert.True(registered.Succeeded, string.Join(" ", registered.Errors));
        var again = await Register(scope).RegisterAsync(new EquipmentEdit { AssetNumber = "It-Dup-01", Kind = EquipmentKind.Scanner, Room = "办公室" });
        Assert.False(again.Succeeded);
        await using var db = hall.CreateDbContext();
        var stored = await db.Equipment.AsNoTracking().Include(e => e.History).SingleAsync(e => e.Id == registered.Id);
        Assert.Equal("IT-DUP-01", stored.AssetNumber);
        Assert.Equal(EquipmentEventKind.Registered, Assert.Single(stored.History).Kind);
        Assert.Equal(1, await db.Equipment.CountAsync(e => e.AssetNumber == "IT-DUP-01"));
    }

    [Fact]
    public async Task IT4_AnImportWithOneBadRow_WritesNothing_AndListsEveryBadRowWithItsReason()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = NetAdmin();
        var before = await CountsAsync();
        var file = Workbook(
            ["IMP-001", "电脑", "联想", "1", "", "张晓明", "是", "180"],   // row 2: good
            ["imp-001", "打印机", "", "2", "", "", "否", "90"],           // row 3: duplicate in the file (case does not count)
            ["PC-W02", "电脑", "", "2", "", "", "否", "180"],             // row 4: already in the register
            ["IMP-004", "电脑", "", "99", "", "", "否", "180"],           // row 5: no window 99
            ["IMP-005", "电脑", "", "", "机房", "无此人", "否", "180"],     // row 6: unknown person
            ["IMP-006", "复印机", "", "", "机房", "", "否", "180"],        // row 7: bad kind
            ["IMP-007", "交换机", "", "", "二楼机房", "", "否", "365"]);    // row 8: good

        var result = await Register(scope).ImportAsync("设备.xlsx", new MemoryStream(file));

        Assert.False(result.Succeeded);
        Assert.Null(result.FileError);
        Assert.Equal([3, 4, 5, 6, 7], result.Errors.Select(e => e.Row).Distinct().Order());
        Assert.Contains("第 2 行", result.Errors.Single(e => e.Row == 3).Message, StringComparison.Ordinal);
        Assert.Contains("PC-W02", result.Errors.Single(e => e.Row == 4).Message, StringComparison.Ordinal);
        Assert.Contains("99", result.Errors.Single(e => e.Row == 5).Message, StringComparison.Ordinal);
        Assert.Contains("无此人", result.Errors.Single(e => e.Row == 6).Message, StringComparison.Ordinal);
        Assert.Contains("复印机", result.Errors.Single(e => e.Row == 7).Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());

        var good = await Register(scope).ImportAsync("设备.xlsx", new MemoryStream(Workbook(
            ["IMP-101", "电脑", "联想", "1号窗口", "", "张晓明", "是", "180"],
            ["IMP-102", "交换机", "", "", "二楼机房", "", "否", ""])));
        Assert.True(good.Succeeded, string.Join(" ", good.Errors.Select(e => $"{e.Row}: {e.Message}")) + good.FileError);
        Assert.Equal(2, good.Registered);
        await using var db = hall.CreateDbContext();
        var pc = await db.Equipment.AsNoTracking().Include(e => e.History).SingleAsync(e => e.AssetNumber == "IMP-101");
        Assert.True(pc.HoldsImportantFiles);
        Assert.Equal(await hall.StaffIdAsync("张晓明"), pc.HolderStaffId);
        Assert.Equal(new DateOnly(2027, 5, 24), pc.NextMaintenanceOn);
        Assert.Single(pc.History);
        var sw = await db.Equipment.AsNoTracking().SingleAsync(e => e.AssetNumber == "IMP-102");
        Assert.Equal(("二楼机房", (int?)null, (DateOnly?)null), (sw.Room, sw.WindowId, sw.NextMaintenanceOn));
    }

    [Fact]
    public async Task IT4_AMoveToAnotherRoomAndHolder_WritesAMovedLineFromTo_AndMaintenanceMovesTheNextDate()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = NetAdmin();
        var id = (await Register(scope).RegisterAsync(new EquipmentEdit
        {
            AssetNumber = "MOVE-01", Kind = EquipmentKind.Printer, WindowId = (await hall.PostOfWindowAsync(1)).WindowId,
            MaintenanceIntervalDays = 30, NextMaintenanceOn = new DateTime(2026, 11, 20),
        })).Id!.Value;

        var moved = await Register(scope).MoveAsync(id, null, "档案室", await hall.StaffIdAsync("张晓明"), "窗口撤并");
        var maintained = await Register(scope).RecordMaintenanceAsync(id, "清洁硒鼓");
        var statusChanged = await Register(scope).SetStatusAsync(id, EquipmentStatus.InRepair, "卡纸");
        var retireWithoutReason = await Register(scope).RetireAsync(id, " ");

        Assert.True(moved.Succeeded, string.Join(" ", moved.Errors));
        Assert.True(maintained.Succeeded && statusChanged.Succeeded);
        Assert.False(retireWithoutReason.Succeeded);
        var detail = await Register(scope).GetAsync(id);
        Assert.NotNull(detail);
        var move = Assert.Single(detail.History, h => h.Kind == EquipmentEventKind.Moved);
        Assert.Contains("1号窗口", move.From, StringComparison.Ordinal);
        Assert.Contains("档案室", move.To, StringComparison.Ordinal);
        Assert.Contains("张晓明", move.To, StringComparison.Ordinal);
        Assert.Equal("窗口撤并", move.Note);
        Assert.Equal(("档案室", (int?)null), (detail.Asset.Room, detail.Asset.WindowId));
        // Planned for 20 November, done on the 25th: the next date keeps the rhythm, one interval after the planned one.
        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 20)), (detail.Asset.LastMaintainedOn!.Value, detail.Asset.NextMaintenanceOn!.Value));
        Assert.Equal(EquipmentStatus.InRepair, detail.Asset.Status);
        Assert.Equal(
            [EquipmentEventKind.StatusChanged, EquipmentEventKind.Maintained, EquipmentEventKind.Moved, EquipmentEventKind.Registered],
            detail.History.Select(h => h.Kind));
    }

    [Fact]
    public async Task IT5_OnlyTheHolderConfirmsTheBootPassword_OnceAQuarter_WithAHistoryLine()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var zhang = await hall.StaffIdAsync("张晓明");
        int id;
        int otherStaff;
        await using (var scope = NetAdmin())
        {
            id = (await Register(scope).RegisterAsync(new EquipmentEdit
            {
                AssetNumber = "HOLD-01", Kind = EquipmentKind.Pc, Room = "档案室", HolderStaffId = zhang, HoldsImportantFiles = true,
            })).Id!.Value;
            await using var db = hall.CreateDbContext();
            otherStaff = await db.StaffMembers.Where(s => s.Id != zhang).Select(s => s.Id).FirstAsync();
            // The administrator is not the holder either.
            Assert.False((await Register(scope).ConfirmBootPasswordAsync(id)).Succeeded);
        }

        await using (var other = hall.SignedIn("other", HallRoles.Staff, otherStaff))
        {
            var refused = await Register(other).ConfirmBootPasswordAsync(id);
            Assert.False(refused.Succeeded);
            Assert.DoesNotContain(( await Register(other).MineAsync()).Rows, r => r.Id == id);
        }

        await using var holder = await hall.StaffAsync("张晓明", "staff");
        var mine = await Register(holder).MineAsync();
        Assert.Equal(BootPasswordState.Overdue, Assert.Single(mine.Rows, r => r.Id == id).BootPassword);
        Assert.Equal(new DateOnly(2026, 10, 20), mine.ConfirmBy);

        var confirmed = await Register(holder).ConfirmBootPasswordAsync(id);
        var twice = await Register(holder).ConfirmBootPasswordAsync(id);

        Assert.True(confirmed.Succeeded, string.Join(" ", confirmed.Errors));
        Assert.False(twice.Succeeded);
        await using var check = hall.CreateDbContext();
        var asset = await check.Equipment.AsNoTracking().Include(e => e.History).SingleAsync(e => e.Id == id);
        Assert.Equal(new DateOnly(2026, 11, 25), asset.BootPasswordConfirmedOn);
        Assert.Single(asset.History, h => h.Kind == EquipmentEventKind.BootPasswordConfirmed);
        Assert.Equal(BootPasswordState.Confirmed, (await Register(holder).MineAsync()).Rows.Single(r => r.Id == id).BootPassword);
    }

    [Fact]
    public async Task IT5_TheDailyCheckRaisesOneAlertPerUnconfirmedMachine_ToItsHolder_AndTheConfirmationResolvesIt()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var zhang = await hall.StaffIdAsync("张晓明");
        int pcW01;
        int roomPc;
        await using (var scope = NetAdmin())
        {
            roomPc = (await Register(scope).RegisterAsync(new EquipmentEdit
            {
                AssetNumber = "ALERT-01", Kind = EquipmentKind.Pc, Room = "财务室", HolderStaffId = zhang, HoldsImportantFiles = true,
            })).Id!.Value;
            await using var db = hall.CreateDbContext();
            pcW01 = await db.Equipment.Where(e => e.AssetNumber == "PC-W01").Select(e => e.Id).SingleAsync();
        }

        await Monitor.CheckAsync();
        await Monitor.CheckAsync();

        var w01Alert = Assert.Single(await AlertsOfAsync(HallSubjects.Equipment(pcW01)));
        Assert.True(w01Alert.IsOpen);
        Assert.Equal((await hall.PostOfWindowAsync(1)).WindowId, w01Alert.WindowId);
        var roomAlert = Assert.Single(await AlertsOfAsync(HallSubjects.Equipment(roomPc)));
        Assert.Null(roomAlert.WindowId);
        // SRV-01 was confirmed this quarter; a PC without important files is never asked.
        await using (var db = hall.CreateDbContext())
        {
            var srv = await db.Equipment.Where(e => e.AssetNumber == "SRV-01").Select(e => e.Id).SingleAsync();
            var pr = await db.Equipment.Where(e => e.AssetNumber == "PR-W01").Select(e => e.Id).SingleAsync();
            Assert.Empty(await AlertsOfAsync(HallSubjects.Equipment(srv)));
            Assert.Empty(await AlertsOfAsync(HallSubjects.Equipment(pr)));
        }

        await using var holder = await hall.StaffAsync("张晓明", "staff");
        var alerts = holder.ServiceProvider.GetRequiredService<AlertService>();
        // The holder sees the alert of the machine in a room (no window) as well as the window's.
        var mine = await alerts.MineAsync();
        Assert.Contains(mine, a => a.Id == roomAlert.Id && a.Kind == AlertKinds.BootPasswordUnconfirmed);
        Assert.Contains(mine, a => a.Id == w01Alert.Id);
        Assert.True((await alerts.AcknowledgeAsync(roomAlert.Id, null)).Succeeded);

        Assert.True((await Register(holder).ConfirmBootPasswordAsync(roomPc)).Succeeded);
        Assert.True((await Register(holder).ConfirmBootPasswordAsync(pcW01)).Succeeded);

        Assert.All(await AlertsOfAsync(HallSubjects.Equipment(roomPc)), a => Assert.Equal(hall.Clock.GetUtcNow(), a.ResolvedAt));
        Assert.All(await AlertsOfAsync(HallSubjects.Equipment(pcW01)), a => Assert.False(a.IsOpen));
        await Monitor.CheckAsync();
        Assert.Single(await AlertsOfAsync(HallSubjects.Equipment(roomPc)));
        Assert.Single(await AlertsOfAsync(HallSubjects.Equipment(pcW01)));
    }

    [Fact]
    public async Task IT4_StaffCannotOpenTheRegister_OrChangeIt()
    {
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var service = Register(staff);

        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.ListAsync());
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.GetAsync(1));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.RegisterAsync(new EquipmentEdit { AssetNumber = "X-1", Room = "A" }));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.MoveAsync(1, null, "A", null, null));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.RetireAsync(1, "x"));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.ImportAsync("a.xlsx", new MemoryStream()));
        await using var guard = hall.SignedIn("guard", HallRoles.Guard);
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Register(guard).MineAsync());
    }

    private async Task<(int Assets, int Lines)> CountsAsync()
    {
        await using var db = hall.CreateDbContext();
        return (await db.Equipment.CountAsync(), await db.EquipmentEvents.CountAsync());
    }

    private async Task<List<Alert>> AlertsOfAsync(string subject)
    {
        await using var db = hall.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKinds.BootPasswordUnconfirmed && a.Subject == subject).ToListAsync();
    }

    private static byte[] Workbook(params string[][] rows)
    {
        var lines = rows.Select(r => EquipmentService.Columns.Select((c, i) => (c, (object)r[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(lines);
        return stream.ToArray();
    }
}
