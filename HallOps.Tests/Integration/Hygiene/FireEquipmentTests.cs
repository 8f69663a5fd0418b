using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.FireSafety;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Hygiene;

/// <summary>
/// SE2.4 on the real app and database, on the test clock (Wednesday 2026-11-25, 10:00): the demo
/// register has MHQ-101 due today and MHQ-104 two days overdue; the rest later. The morning job
/// alerts once per due item however often it runs; an inspection resolves the alert at once and
/// sets the next date; guards record inspections, only managers keep the register.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FireEquipmentTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private FireEquipmentMonitor Monitor => hall.App.Services.GetRequiredService<FireEquipmentMonitor>();

    [Fact]
    public async Task SE2_4_TheMorningJobRunTwice_RaisesOneAlertPerDueItem_AndAGuardsInspectionResolvesItsAlert()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var mhq102 = await IdAsync("MHQ-102");
        await using (var db = hall.CreateDbContext())
        {
            // MHQ-102 was moved to today by the manager: it is due too.
            await db.FireEquipment.Where(f => f.Id == mhq102).ExecuteUpdateAsync(s => s.SetProperty(f => f.NextInspectionOn, Today));
        }

        await Monitor.CheckAsync();
        await Monitor.CheckAsync();

        var due = await DueSubjectsAsync();
        Assert.Contains(HallSubjects.FireEquipment(await IdAsync("MHQ-101")), due);
        Assert.Contains(HallSubjects.FireEquipment(await IdAsync("MHQ-104")), due);
        Assert.Contains(HallSubjects.FireEquipment(mhq102), due);
        Assert.DoesNotContain(HallSubjects.FireEquipment(await IdAsync("MHQ-103")), due);
        var open = await OpenAlertsAsync();
        Assert.Equal(due.Order(), open.Select(a => a.Subject).Order());
        Assert.All(open, a => Assert.Equal(AlertSeverity.Warning, a.Severity));

        await using var guard = hall.SignedIn("guard", HallRoles.Guard);
        var equipment = guard.ServiceProvider.GetRequiredService<FireEquipmentService>();
        var result = await equipment.RecordInspectionAsync(mhq102, fine: true, problem: null);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using (var db = hall.CreateDbContext())
        {
            var item = await db.FireEquipment.AsNoTracking().SingleAsync(f => f.Id == mhq102);
            Assert.Equal((new DateOnly(2026, 12, 25), "guard", (string?)null), (item.NextInspectionOn, item.LastInspectedBy, item.LastNote));
            Assert.Equal(hall.Clock.GetUtcNow(), item.LastInspectedAt);
        }
        Assert.DoesNotContain(await OpenAlertsAsync(), a => a.Subject == HallSubjects.FireEquipment(mhq102));
        var resolved = await AlertsOfAsync(HallSubjects.FireEquipment(mhq102));
        Assert.All(resolved, a => Assert.Equal(hall.Clock.GetUtcNow(), a.ResolvedAt));

        // The next morning's run does not raise it again; the others stay, one each.
        await Monitor.CheckAsync();
        Assert.Single(await AlertsOfAsync(HallSubjects.FireEquipment(mhq102)));
        Assert.Equal(due.Count - 1, (await OpenAlertsAsync()).Count);
    }

    [Fact]
    public async Task SE2_4_AProblemFoundNeedsANote_AndIsKeptWithTheInspection()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var id = await IdAsync("MHQ-203");
        await using var guard = hall.SignedIn("guard", HallRoles.Guard);
        var equipment = guard.ServiceProvider.GetRequiredService<FireEquipmentService>();

        var refused = await equipment.RecordInspectionAsync(id, fine: false, problem: "  ");
        Assert.Equal(["请写明发现的问题。"], refused.Errors);
        await using (var db = hall.CreateDbContext())
        {
            Assert.Null((await db.FireEquipment.AsNoTracking().SingleAsync(f => f.Id == id)).LastInspectedAt);
        }

        var result = await equipment.RecordInspectionAsync(id, fine: false, problem: "压力表指针在红区，需更换");
        Assert.True(result.Succeeded);
        var view = await equipment.LoadAsync();
        var row = view.Rows.Single(r => r.Id == id);
        Assert.Equal(("压力表指针在红区，需更换", Today.AddDays(30)), (row.LastProblem, row.NextInspectionOn));
        Assert.False(view.MayEdit);
    }

    [Fact]
    public async Task SE2_4_OnlyAManagerKeepsTheRegister_CodesAreUnique_AndTakingAnItemOutOfServiceEndsItsAlert()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using (var guard = hall.SignedIn("guard", HallRoles.Guard))
        {
            var asGuard = guard.ServiceProvider.GetRequiredService<FireEquipmentService>();
            await Assert.ThrowsAsync<HallAccessDeniedException>(() => asGuard.SaveAsync(new FireEquipmentEdit
            {
                Code = "MHQ-999", Location = "一楼", NextInspectionOn = Today.ToDateTime(TimeOnly.MinValue),
            }));
        }
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var equipment = manager.ServiceProvider.GetRequiredService<FireEquipmentService>();

        var taken = await equipment.SaveAsync(new FireEquipmentEdit
        {
            Code = "mhq-101", Location = "一楼大厅", IntervalDays = 0, NextInspectionOn = Today.AddDays(-1).ToDateTime(TimeOnly.MinValue),
        });
        Assert.Equal(["编号 mhq-101 已被其他器材使用。", "检查周期应为 1 至 366 天。", "下次检查日期不能早于今天。"], taken.Errors);

        var added = await equipment.SaveAsync(new FireEquipmentEdit
        {
            Code = "MHQ-105", Kind = FireEquipmentKind.Extinguisher, Location = "一楼西门", IntervalDays = 30, NextInspectionOn = Today.ToDateTime(TimeOnly.MinValue),
        });
        Assert.True(added.Succeeded, string.Join(" ", added.Errors));
        var id = await IdAsync("MHQ-105");
        await Monitor.CheckAsync();
        Assert.Single(await OpenAlertsAsync(), a => a.Subject == HallSubjects.FireEquipment(id));

        Assert.True((await equipment.SetActiveAsync(id, active: false)).Succeeded);
        Assert.DoesNotContain(await OpenAlertsAsync(), a => a.Subject == HallSubjects.FireEquipment(id));
        await Monitor.CheckAsync();
        Assert.DoesNotContain(await OpenAlertsAsync(), a => a.Subject == HallSubjects.FireEquipment(id));
        var inactive = await equipment.RecordInspectionAsync(id, fine: true, problem: null);
        Assert.Equal(["这件器材已停用，不需要检查。"], inactive.Errors);
    }

    private async Task<int> IdAsync(string code)
    {
        await using var db = hall.CreateDbContext();
        return await db.FireEquipment.Where(f => f.Code == code).Select(f => f.Id).SingleAsync();
    }

    private async Task<List<string>> DueSubjectsAsync()
    {
        await using var db = hall.CreateDbContext();
        var ids = await db.FireEquipment.Where(f => f.IsActive && f.NextInspectionOn <= Today).Select(f => f.Id).ToListAsync();
        return ids.Select(HallSubjects.FireEquipment).ToList();
    }

    private async Task<List<Alert>> OpenAlertsAsync()
    {
        await using var db = hall.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Kind == AlertKinds.FireEquipmentDue).ToListAsync();
    }

    private async Task<List<Alert>> AlertsOfAsync(string subject)
    {
        await using var db = hall.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKinds.FireEquipmentDue && a.Subject == subject).ToListAsync();
    }
}
