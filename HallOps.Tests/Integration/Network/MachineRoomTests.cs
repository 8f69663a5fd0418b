using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Assessment;
using HallOps.Web.Hygiene;
using HallOps.Web.Identity;
using HallOps.Web.Network;
using HallOps.Web.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Network;

/// <summary>
/// The machine room (IT6) and the IT items of the window inspection (IT1, IT5) on the real app and a
/// real SQLite database, on Wednesday 2026-11-25 at 10:00 (hall time): the access log refuses an
/// unapproved visitor and writes nothing, is the administrators' own (window staff cannot read it);
/// the weekly upkeep is planned for the NetworkAdmin role and done by netadmin; a failed IT item of an
/// inspection is an IT finding in the month's assessment, not a hygiene failure.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class MachineRoomTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task IT6_AVisitorWithoutApproval_IsRefused_AndNothingIsWritten()
    {
        var before = await CountAsync();
        await using var netadmin = hall.SignedIn("netadmin", HallRoles.NetworkAdmin);
        var service = netadmin.ServiceProvider.GetRequiredService<MachineRoomService>();

        var refused = await service.LogAsync(new MachineRoomEdit { Visitor = "李工", Unit = "华为技术服务", Purpose = "更换服务器硬盘", AccompaniedBy = "netadmin" });

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Contains("批准", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());

        // Approved and accompanied by an administrator, the same visit is logged: inside until marked left.
        var logged = await service.LogAsync(new MachineRoomEdit
        {
            Visitor = "李工", Unit = "华为技术服务", Purpose = "更换服务器硬盘", AccompaniedBy = "netadmin", ApprovedBy = "王局长",
        });
        Assert.True(logged.Succeeded, string.Join("; ", logged.Errors));
        var view = await service.ListAsync();
        var entry = view.Inside.Single(e => e.Person == "李工");
        Assert.Equal("高志远", entry.AccompaniedBy);
        Assert.False(entry.IsAdministrator);
        Assert.True((await service.MarkLeftAsync(entry.Id)).Succeeded);
        Assert.DoesNotContain((await service.ListAsync()).Inside, e => e.Id == entry.Id);
    }

    [Fact]
    public async Task IT6_AnAdministrator_EntersWithoutApproval_ButNotInTheFuture()
    {
        await using var netadmin = hall.SignedIn("netadmin", HallRoles.NetworkAdmin);
        var service = netadmin.ServiceProvider.GetRequiredService<MachineRoomService>();
        var before = await CountAsync();

        var future = await service.LogAsync(new MachineRoomEdit { AdministratorUserName = "netadmin", Purpose = "巡检", EnteredAt = "2026-11-25T11:00" });
        Assert.False(future.Succeeded);
        Assert.Equal(before, await CountAsync());

        var ok = await service.LogAsync(new MachineRoomEdit { AdministratorUserName = "netadmin", Purpose = "巡检", EnteredAt = "2026-11-25T09:40" });
        Assert.True(ok.Succeeded, string.Join("; ", ok.Errors));
        await using var db = hall.CreateDbContext();
        var entry = await db.MachineRoomEntries.OrderBy(e => e.Id).LastAsync();
        Assert.True(entry.IsAdministrator);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 40, 0, Beijing), entry.EnteredAt);
        Assert.Null(entry.ApprovedBy);
    }

    [Fact]
    public async Task IT6_WindowStaffCannotReadOrWriteTheAccessLog()
    {
        var zhang = await hall.StaffIdAsync("张晓明");
        await using var staff = hall.SignedIn("staff", HallRoles.Staff, zhang);
        var service = staff.ServiceProvider.GetRequiredService<MachineRoomService>();
        var before = await CountAsync();

        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.ListAsync());
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.LogAsync(new MachineRoomEdit { Visitor = "张晓明", Purpose = "看看", ApprovedBy = "x", AccompaniedBy = "netadmin" }));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task IT6_TheMachineRoomUpkeep_IsPlannedWeeklyForTheNetworkAdmins_AndNetadminDoesIt()
    {
        var planner = hall.App.Services.GetRequiredService<RoundPlanner>();
        // Monday 2026-11-23 (this week) and the week after: Monday at 10:00, working days only.
        await planner.PlanAsync(At(11, 23, 0), At(11, 24, 0));
        await planner.PlanAsync(At(11, 24, 0), At(11, 30, 0));

        await using (var db = hall.CreateDbContext())
        {
            var upkeep = await db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.MachineRoomUpkeep).ToListAsync();
            var monday = Assert.Single(upkeep, r => r.DueFrom == At(11, 23, 10));
            Assert.Equal(HallRoles.NetworkAdmin, monday.AssigneeRole);
            Assert.DoesNotContain(upkeep, r => r.DueFrom > At(11, 23, 23) && r.DueFrom < At(11, 30, 0));
        }
        await planner.PlanAsync(At(11, 30, 0), At(12, 1, 0));
        long roundId;
        await using (var db = hall.CreateDbContext())
        {
            roundId = (await db.Rounds.AsNoTracking().SingleAsync(r => r.Kind == RoundKind.MachineRoomUpkeep && r.DueFrom == At(11, 23, 10))).Id;
            Assert.Single(await db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.MachineRoomUpkeep && r.DueFrom == At(11, 30, 10)).ToListAsync());
        }

        await using var netadmin = hall.SignedIn("netadmin", HallRoles.NetworkAdmin);
        var machineRoom = netadmin.ServiceProvider.GetRequiredService<MachineRoomService>();
        Assert.Contains((await machineRoom.ListAsync()).Upkeep, r => r.Id == roundId);
        var sheet = await machineRoom.UpkeepSheetAsync(roundId);
        Assert.NotNull(sheet);
        Assert.True(sheet.MayWork);
        Assert.Equal(["设备运行状态检查", "机房清洁", "UPS电源测试", "温湿度检查", "消防设施检查"], sheet.Items.Select(i => i.Text));
        var done = await netadmin.ServiceProvider.GetRequiredService<RoundService>().CompleteAsync(roundId,
            sheet.Items.Select(i => new CheckInput(i.Order, CheckResult.Pass, null, null)).ToList(), "周一外出培训，今日补做");
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));

        // Window staff are not the machine room's: the sheet is not theirs to see.
        var zhang = await hall.StaffIdAsync("张晓明");
        await using var staff = hall.SignedIn("staff", HallRoles.Staff, zhang);
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => staff.ServiceProvider.GetRequiredService<MachineRoomService>().UpkeepSheetAsync(roundId));
    }

    [Fact]
    public async Task IT1_AFailedItItemOnAnInspection_IsAnItFindingInTheMonth_NotAHygieneFailure()
    {
        var (_, window1) = await hall.PostOfWindowAsync(1);
        var zhang = await hall.StaffIdAsync("张晓明");
        var assessmentBefore = await AssessmentAsync();
        var hygieneBefore = await HygieneAsync();

        long roundId;
        await using (var db = hall.CreateDbContext())
        {
            var template = await db.RoundTemplates.Include(t => t.Items).SingleAsync(t => t.Code == RoundDefaults.HygieneInspection);
            Assert.Contains(template.Items, i => i.Regulation == "IT1");
            var round = new RoundInstance
            {
                TemplateId = template.Id, OccurrenceKey = "test:it-finding", Kind = RoundKind.HygieneInspection, Subject = $"window:{window1}",
                WindowId = window1, DueFrom = At(11, 25, 9), DueBy = At(11, 25, 17), MissedAt = At(11, 26, 17), AssigneeRole = HallRoles.Manager,
                ResponsibleStaffId = zhang, State = RoundState.Due,
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
        }

        await using (var manager = hall.SignedIn("manager", HallRoles.Manager))
        {
            var rounds = manager.ServiceProvider.GetRequiredService<RoundService>();
            var sheet = await rounds.SheetAsync(roundId);
            var inputs = sheet!.Items
                .Select(i => i.Regulation == "IT1" ? new CheckInput(i.Order, CheckResult.Fail, "装有游戏软件", null) : new CheckInput(i.Order, CheckResult.Pass, null, null))
                .ToList();
            var result = await rounds.CompleteAsync(roundId, inputs, null);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        await using (var db = hall.CreateDbContext())
        {
            var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId);
            Assert.Equal(100, round.Score); // the hygiene items all passed
            Assert.False(await db.Rectifications.AnyAsync(r => r.RoundId == roundId));
        }
        var assessment = await AssessmentAsync();
        Assert.Equal(1, Window(assessment, 1).ItFindings - Window(assessmentBefore, 1).ItFindings);
        Assert.Equal(1, assessment.Staff.Single(s => s.StaffId == zhang).Row.ItFindings - assessmentBefore.Staff.Single(s => s.StaffId == zhang).Row.ItFindings);
        Assert.Equal(1, assessment.WindowTotal.ItFindings - assessmentBefore.WindowTotal.ItFindings);
        var hygiene = await HygieneAsync();
        var line = hygiene.Windows.Single(w => w.WindowId == window1).Line;
        var lineBefore = hygieneBefore.Windows.Single(w => w.WindowId == window1).Line;
        Assert.Equal(lineBefore.FailedItems, line.FailedItems);
        Assert.Equal(lineBefore.Inspections + 1, line.Inspections);
        Assert.Equal(lineBefore.RectificationsOpen, line.RectificationsOpen);

        // The workbook carries the figure too.
        await using var office = hall.SignedIn("office", HallRoles.Office);
        var workbook = await office.ServiceProvider.GetRequiredService<AssessmentService>().WorkbookAsync(assessment);
        using var stream = new MemoryStream(workbook);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "按窗口").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("计算机网络违规", rows[0].Keys);
    }

    private async Task<AssessmentReport> AssessmentAsync()
    {
        await using var office = hall.SignedIn("office", HallRoles.Office);
        return Assert.IsType<AssessmentReport>((await office.ServiceProvider.GetRequiredService<AssessmentService>().LoadAsync("2026-11")).Report);
    }

    private async Task<HygieneScoreReport> HygieneAsync()
    {
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        return Assert.IsType<HygieneScoreReport>((await manager.ServiceProvider.GetRequiredService<HygieneScoreService>().LoadAsync(2026, 11)).Report);
    }

    private async Task<int> CountAsync()
    {
        await using var db = hall.CreateDbContext();
        return await db.MachineRoomEntries.CountAsync();
    }

    private static HallOps.Domain.Assessment.AssessmentRow Window(AssessmentReport report, int number) => report.Windows.Single(w => w.Number == number).Row;

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);
}
