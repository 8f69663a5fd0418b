using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
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

namespace HallOps.Tests.Integration.Network;

/// <summary>
/// Virus incidents and external-media scans (IT2, IT3) on the real app and SQLite database, the demo
/// hall on a clock the tests turn (<see cref="CoverageHall"/>): 张晓明 (window 1's A, who holds PC-W01)
/// reports, the network administrator acknowledges and fixes, the monitor escalates to the manager.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ItIncidentTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private Task<AsyncServiceScope> StaffAsync() => hall.StaffAsync("张晓明", "staff");

    private AsyncServiceScope NetAdmin() => hall.SignedIn("netadmin", HallRoles.NetworkAdmin);

    private AsyncServiceScope Manager() => hall.SignedIn("manager", HallRoles.Manager);

    private ItIncidentMonitor Monitor => hall.App.Services.GetRequiredService<ItIncidentMonitor>();

    private async Task<WorkingCalendar> CalendarAsync() => await hall.App.Services.GetRequiredService<CalendarSource>().GetAsync();

    private async Task<int> AssetAsync(string number)
    {
        await using var db = hall.CreateDbContext();
        return await db.Equipment.Where(e => e.AssetNumber == number).Select(e => e.Id).SingleAsync();
    }

    private async Task<VirusIncident> IncidentAsync(string number)
    {
        await using var db = hall.CreateDbContext();
        return await db.VirusIncidents.AsNoTracking().SingleAsync(v => v.Number == number);
    }

    private async Task<Alert?> OpenAlertAsync(long incidentId)
    {
        await using var db = hall.CreateDbContext();
        var subject = HallSubjects.VirusIncident(incidentId);
        return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.IsOpen && a.Kind == AlertKinds.VirusIncidentOpen && a.Subject == subject);
    }

    [Fact]
    public async Task IT2_AnUncleanedVirus_AlertsTheNetworkAdministratorAtOnce_EscalatesToTheManagerAfterOneWorkingDay_AndTheFixResolvesIt()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var pc = await AssetAsync("PC-W01");
        string number;
        await using (var staff = await StaffAsync())
        {
            var (result, reported) = await Service<ItReportService>(staff).ReportIncidentAsync(new IncidentEdit
            {
                EquipmentId = pc, Description = "杀毒软件报警，隔离失败。", VirusName = "Worm.Win32.AutoRun", Cleaned = false,
            });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            number = reported!;
        }
        var incident = await IncidentAsync(number);
        Assert.Equal((VirusIncidentStatus.Open, false, "PC-W01"), (incident.Status, incident.NotReportersAsset, incident.AssetNumber));
        Assert.Matches(@"^BD\d{8}-\d{3}$", number);

        // At once: one open alert, addressed to no window — the network administrator sees it, the reporter's window does not.
        var alert = await OpenAlertAsync(incident.Id);
        Assert.NotNull(alert);
        Assert.Null(alert.WindowId);
        await using (var netadmin = NetAdmin())
        {
            Assert.Contains(await Service<AlertService>(netadmin).MineAsync(), a => a.Id == alert.Id);
            var ack = await Service<AlertService>(netadmin).AcknowledgeAsync(alert.Id, null);
            Assert.True(ack.Succeeded, string.Join(" ", ack.Errors));
        }
        await using (var staff = await StaffAsync())
        {
            Assert.DoesNotContain(await Service<AlertService>(staff).MineAsync(), a => a.Id == alert.Id);
        }

        // IT2: open one working day → the manager. A minute before, not yet.
        var escalatesAt = ItRules.EscalatesAt(incident.ReportedAt, await CalendarAsync());
        hall.Clock.Advance(escalatesAt - hall.Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await Monitor.ScanAsync();
        Assert.Null((await OpenAlertAsync(incident.Id))!.EscalatedAt);
        hall.Clock.Advance(TimeSpan.FromMinutes(1));
        await Monitor.ScanAsync();
        Assert.Equal(escalatesAt, (await OpenAlertAsync(incident.Id))!.EscalatedAt);
        var again = await Monitor.ScanAsync();
        Assert.Equal(0, again.Escalated + again.Raised);
        await using (var manager = Manager())
        {
            Assert.Contains(await Service<AlertService>(manager).MineAsync(), a => a.Id == alert.Id && a.EscalatedAt != null);
        }

        // The administrator's desk: the incident, escalated; the fix needs a note, then resolves the alert.
        await using (var netadmin = NetAdmin())
        {
            var desk = Service<NetworkDeskService>(netadmin);
            Assert.Contains((await desk.DeskAsync()).Open, i => i.Id == incident.Id && i.Escalated);
            Assert.Equal(["请写明处理情况。"], (await desk.FixAsync(incident.Id, "  ")).Errors);
            Assert.True((await desk.FixAsync(incident.Id, "断网后离线查杀，复查无毒。")).Succeeded);
            Assert.DoesNotContain((await desk.DeskAsync()).Open, i => i.Id == incident.Id);
            Assert.NotEmpty((await desk.FixAsync(incident.Id, "again")).Errors);
        }
        var fixedIncident = await IncidentAsync(number);
        Assert.Equal((VirusIncidentStatus.Fixed, "netadmin", "断网后离线查杀，复查无毒。"), (fixedIncident.Status, fixedIncident.FixedBy, fixedIncident.FixNote));
        Assert.Null(await OpenAlertAsync(incident.Id));
        Assert.Equal(0, (await Monitor.ScanAsync()).Raised);
    }

    [Fact]
    public async Task IT2_AnAssetNotTheReportersOwn_IsAllowedButFlagged_AndACleanedVirusIsLoggedWithoutAlert()
    {
        var other = await AssetAsync("PC-W03");
        await using var staff = await StaffAsync();
        var report = Service<ItReportService>(staff);
        var assets = await report.AssetsAsync();
        Assert.True(assets.Single(a => a.AssetNumber == "PC-W01").IsMine);
        Assert.False(assets.Single(a => a.AssetNumber == "PC-W03").IsMine);
        Assert.True(assets[0].IsMine);

        var (result, number) = await report.ReportIncidentAsync(new IncidentEdit { EquipmentId = other, Description = "同事电脑弹出病毒提示，已当场清除。", Cleaned = true });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var incident = await IncidentAsync(number!);
        Assert.Equal((VirusIncidentStatus.CleanedOnSpot, true), (incident.Status, incident.NotReportersAsset));
        Assert.Null(await OpenAlertAsync(incident.Id));
        Assert.Contains(await report.MineAsync(), r => r.Number == number);
    }

    [Fact]
    public async Task IT3_APositiveScan_OpensOneIncidentInTheSameSave_AndRetriesOpenNoSecond()
    {
        var today = (await CalendarAsync()).LocalDate(hall.Clock.GetUtcNow());
        string number;
        await using (var staff = await StaffAsync())
        {
            var (result, opened) = await Service<ItReportService>(staff).LogScanAsync(new MediaScanEdit
            {
                Medium = MediaKind.UsbDisk, Owner = "刘伟", OwnerUnit = "城关镇企业服务站", Purpose = "拷贝申请材料", Antivirus = "火绒安全",
                SignatureDate = today.AddDays(-1), Result = MediaScanResult.VirusNotCleaned, VirusName = "Trojan.Agent", EquipmentId = await AssetAsync("PC-W01"),
            });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            number = opened!;
        }
        var incident = await IncidentAsync(number);
        Assert.NotNull(incident.MediaScanId);
        await using (var db = hall.CreateDbContext())
        {
            var scan = await db.MediaScans.AsNoTracking().SingleAsync(m => m.Id == incident.MediaScanId);
            Assert.Equal((incident.Id, MediaScanResult.VirusNotCleaned, "Trojan.Agent"), (scan.IncidentId, scan.Result, scan.VirusName));
        }
        Assert.Equal(VirusIncidentStatus.Open, incident.Status);
        Assert.NotNull(await OpenAlertAsync(incident.Id));

        // The monitor run twice, and a second incident for the same scan: still one incident, one alert.
        await Monitor.ScanAsync();
        await Monitor.ScanAsync();
        await using (var db = hall.CreateDbContext())
        {
            db.VirusIncidents.Add(new VirusIncident
            {
                Number = "BD-RETRY", ReportedBy = "staff", Description = "retry", ReportedAt = hall.Clock.GetUtcNow(), MediaScanId = incident.MediaScanId,
            });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using (var db = hall.CreateDbContext())
        {
            Assert.Equal(1, await db.VirusIncidents.CountAsync(v => v.MediaScanId == incident.MediaScanId));
            var subject = HallSubjects.VirusIncident(incident.Id);
            Assert.Equal(1, await db.Alerts.CountAsync(a => a.Subject == subject));
        }
    }

    [Fact]
    public async Task IT3_AStaleSignatureOrNoResult_IsRefusedWithTheDateLimit_AndNothingIsWritten()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var today = (await CalendarAsync()).LocalDate(hall.Clock.GetUtcNow());
        (int Scans, int Incidents, int Alerts) before, after;
        await using (var db = hall.CreateDbContext())
        {
            before = (await db.MediaScans.CountAsync(), await db.VirusIncidents.CountAsync(), await db.Alerts.CountAsync(a => a.Kind == AlertKinds.VirusIncidentOpen));
        }
        await using (var staff = await StaffAsync())
        {
            var report = Service<ItReportService>(staff);
            var edit = new MediaScanEdit
            {
                Medium = MediaKind.UsbDisk, Owner = "刘伟", Purpose = "拷贝申请材料", Antivirus = "火绒安全",
                SignatureDate = today.AddDays(-8), Result = MediaScanResult.VirusNotCleaned, VirusName = "Trojan.Agent",
            };
            var (stale, staleNumber) = await report.LogScanAsync(edit);
            var limit = today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Null(staleNumber);
            Assert.Equal([$"病毒库已超过 7 天，不是最新病毒库：请先升级病毒库（日期不得早于 {limit}）再查毒。"], stale.Errors);

            edit.SignatureDate = today;
            edit.Result = null;
            Assert.Equal(["请选择查毒结果。"], (await report.LogScanAsync(edit)).Result.Errors);
            edit.SignatureDate = today.AddDays(1);
            edit.Result = MediaScanResult.Clean;
            Assert.Equal(["病毒库日期不能晚于今天。"], (await report.LogScanAsync(edit)).Result.Errors);
        }
        await using (var db = hall.CreateDbContext())
        {
            after = (await db.MediaScans.CountAsync(), await db.VirusIncidents.CountAsync(), await db.Alerts.CountAsync(a => a.Kind == AlertKinds.VirusIncidentOpen));
        }
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task IT2_IT6_StaffCannotReadTheAdministratorsDesk_NorFixNorAcknowledgeAnIncident()
    {
        await using var staff = await StaffAsync();
        var desk = Service<NetworkDeskService>(staff);
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => desk.DeskAsync());
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => desk.FixAsync(1, "x"));

        long alertId;
        await using (var db = hall.CreateDbContext())
        {
            // The demo hall's open incident (PC-W03) keeps its alert for the administrator.
            alertId = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.VirusIncidentOpen).Select(a => a.Id).FirstAsync();
        }
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        Assert.NotEmpty((await Service<AlertService>(staff).AcknowledgeAsync(alertId, null)).Errors);

        await using var guard = hall.SignedIn("guard", HallRoles.Guard);
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Service<ItReportService>(guard).AssetsAsync());
        await using var netadmin = NetAdmin();
        Assert.NotNull(await Service<NetworkDeskService>(netadmin).DeskAsync());
    }
}
