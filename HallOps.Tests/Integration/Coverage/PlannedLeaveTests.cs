using System.Collections.Concurrent;
using System.Globalization;
using HallOps.Domain.Audit;
using HallOps.Domain.Coverage;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Staffing;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using HallOps.Web.Leave;
using HallOps.Web.Wall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// AB4 ahead of time: planned leave (请假) entered by staff for themselves or by a manager for anyone,
/// on the real app and database. Today is Wednesday 2026-11-25 (<see cref="CoverageHall"/>); the
/// next five working days are 11-26, 11-27, 11-30, 12-01 and 12-02. In the demo hall 刘洋 is A of
/// window 4 and B of window 5, 陈敏 the other way round; each test uses its own people or dates.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PlannedLeaveTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static DateTime D(string iso) => DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AB4_StaffEnterTheirOwnLeave_StoredWithWhoAndWhen_AuditedAndPublished()
    {
        var me = await hall.StaffIdAsync("孙涛");
        var feed = hall.App.Services.GetRequiredService<HallEventFeed>();
        var seen = new ConcurrentQueue<string>();
        using var subscription = feed.Subscribe(e =>
        {
            seen.Enqueue(e.Subject);
            return Task.CompletedTask;
        });
        await using var scope = await hall.StaffAsync("孙涛", "suntao");
        var leave = scope.ServiceProvider.GetRequiredService<LeaveService>();

        var result = await leave.AddAsync(new LeaveEdit { From = D("2026-11-30"), To = D("2026-12-01"), Reason = AwayReason.Study, Note = "  业务培训  " });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = hall.CreateDbContext();
        var row = await db.PlannedLeaves.AsNoTracking().SingleAsync(l => l.StaffMemberId == me);
        Assert.Equal((Day("2026-11-30"), Day("2026-12-01"), AwayReason.Study, "业务培训"), (row.From, row.To, row.Reason, row.Note));
        Assert.Equal("suntao", row.RecordedBy);
        Assert.Equal(hall.Clock.GetUtcNow(), row.RecordedAt);
        var audit = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(PlannedLeave) && a.EntityKey == row.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(AuditAction.Insert, audit.Action);
        Assert.Contains("\"RecordedBy\":\"suntao\"", audit.After);
        await Eventually.TrueAsync(() => Task.FromResult(seen.Contains(HallSubjects.Leave(me))), TimeSpan.FromSeconds(5),
            $"the change to {HallSubjects.Leave(me)} is published once committed");

        var view = await leave.LoadAsync();
        Assert.False(view.IsManager);
        Assert.Equal([row.Id], view.Leaves.Select(l => l.Id));
    }

    [Fact]
    public async Task AB4_StaffCannotEnterLeaveForSomeoneElse_NothingIsStored()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var other = await hall.StaffIdAsync("徐海燕");
        await using var scope = await hall.StaffAsync("孙涛", "suntao");
        var before = await CountAsync();

        var result = await scope.ServiceProvider.GetRequiredService<LeaveService>()
            .AddAsync(new LeaveEdit { StaffId = other, From = D("2026-11-26"), To = D("2026-11-26") });

        Assert.Equal(["您只能为自己登记请假；为他人登记请联系大厅管理人员。"], result.Errors);
        Assert.Equal(before, await CountAsync());
    }

    public static TheoryData<string, string> BadLeave => new()
    {
        { "no dates", "请选择请假的开始日期和结束日期。" },
        { "last day before the first", "结束日期不能早于开始日期。" },
        { "starting yesterday", "开始日期不能早于今天（2026-11-25），请假须提前登记。" },
        { "61 days", "一次登记不能超过60天，请分段登记。" },
        { "a meeting", "请选择请假事由：请假、学习或公出。" },
        { "a reason that does not exist", "请选择请假事由：请假、学习或公出。" },
        { "a note of 201 characters", "备注不能超过200个字。" },
        { "overlapping leave already entered", "该人员2026-12-07至2026-12-09已有请假登记，日期不能重叠。" },
    };

    [Theory]
    [MemberData(nameof(BadLeave))]
    public async Task AB4_BadLeave_GetsAClearChineseMessage_AndNothingIsStored(string input, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = await hall.StaffAsync("郭佳", "guojia");
        var leave = scope.ServiceProvider.GetRequiredService<LeaveService>();
        if (input == "overlapping leave already entered" && (await leave.LoadAsync()).Leaves.Count == 0)
        {
            Assert.True((await leave.AddAsync(new LeaveEdit { From = D("2026-12-07"), To = D("2026-12-09") })).Succeeded);
        }
        var before = await CountAsync();

        var result = input switch
        {
            "no dates" => await leave.AddAsync(new LeaveEdit()),
            "last day before the first" => await leave.AddAsync(new LeaveEdit { From = D("2026-11-30"), To = D("2026-11-27") }),
            "starting yesterday" => await leave.AddAsync(new LeaveEdit { From = D("2026-11-24"), To = D("2026-11-27") }),
            "61 days" => await leave.AddAsync(new LeaveEdit { From = D("2026-11-25"), To = D("2027-01-24") }),
            "a meeting" => await leave.AddAsync(new LeaveEdit { From = D("2026-11-26"), To = D("2026-11-26"), Reason = AwayReason.Meeting }),
            "a reason that does not exist" => await leave.AddAsync(new LeaveEdit { From = D("2026-11-26"), To = D("2026-11-26"), Reason = (AwayReason)42 }),
            "a note of 201 characters" => await leave.AddAsync(new LeaveEdit { From = D("2026-11-26"), To = D("2026-11-26"), Note = new string('假', 201) }),
            "overlapping leave already entered" => await leave.AddAsync(new LeaveEdit { From = D("2026-12-09"), To = D("2026-12-10") }),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "No such case."),
        };

        Assert.Equal([message], result.Errors);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AB4_AManagerEntersLeaveForAAndEveryBOfAPost_ThePredictedGapAppears_AndCancellingClearsIt()
    {
        var liu = await hall.StaffIdAsync("刘洋");
        var chen = await hall.StaffIdAsync("陈敏");
        await using var scope = hall.SignedIn("manager", HallRoles.Manager, await hall.StaffIdAsync("周建国"));
        var leave = scope.ServiceProvider.GetRequiredService<LeaveService>();
        var wall = hall.App.Services.GetRequiredService<WallService>();
        Assert.DoesNotContain(await leave.PredictedGapsAsync(), g => g.WindowNumber is 4 or 5);
        var wallBefore = (await wall.LoadAsync()).Counts.PredictedGapsNextDay;

        // 刘洋 (A of 4, B of 5) only: both windows still have someone.
        Assert.True((await leave.AddAsync(new LeaveEdit { StaffId = liu, From = D("2026-11-26"), To = D("2026-11-27") })).Succeeded);
        Assert.DoesNotContain(await leave.PredictedGapsAsync(), g => g.WindowNumber is 4 or 5);

        // 陈敏 too, on Thursday 11-26: windows 4 and 5 have neither A nor B that day (not Friday: 陈敏 is back).
        Assert.True((await leave.AddAsync(new LeaveEdit { StaffId = chen, From = D("2026-11-26"), To = D("2026-11-26"), Reason = AwayReason.Business })).Succeeded);
        var gaps = (await leave.PredictedGapsAsync()).Where(g => g.WindowNumber is 4 or 5).ToList();
        Assert.Equal([(Day("2026-11-26"), 4), (Day("2026-11-26"), 5)], gaps.Select(g => (g.Date, g.WindowNumber)));
        Assert.Equal([("刘洋", PostRole.A), ("陈敏", PostRole.B)], gaps[0].Away.Select(a => (a.Name, a.Role)));
        Assert.Equal([("陈敏", PostRole.A), ("刘洋", PostRole.B)], gaps[1].Away.Select(a => (a.Name, a.Role)));
        Assert.Equal("社保", gaps[0].WindowName);
        Assert.Equal(wallBefore + 2, (await wall.LoadAsync()).Counts.PredictedGapsNextDay);

        // The manager sees everyone's leave, and can filter it by person.
        var view = await leave.LoadAsync(new LeaveFilter(StaffId: chen));
        Assert.True(view.IsManager);
        var chenLeave = Assert.Single(view.Leaves);
        Assert.Equal("manager", chenLeave.RecordedBy);

        Assert.True((await leave.CancelAsync(chenLeave.Id)).Succeeded);
        Assert.DoesNotContain(await leave.PredictedGapsAsync(), g => g.WindowNumber is 4 or 5);
        Assert.Equal(wallBefore, (await wall.LoadAsync()).Counts.PredictedGapsNextDay);
        await using var db = hall.CreateDbContext();
        Assert.False(await db.PlannedLeaves.AnyAsync(l => l.Id == chenLeave.Id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PlannedLeave) && a.Action == AuditAction.Delete
            && a.EntityKey == chenLeave.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task AB4_StaffCancelTheirOwnLeaveNotYetStarted_ButNotSomeoneElses_NorLeaveUnderWay_WhichAManagerCutsToYesterday()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var me = await hall.StaffIdAsync("马莉");
        var other = await hall.StaffIdAsync("罗斌");
        int underWay, othersLeave;
        await using (var db = hall.CreateDbContext())
        {
            // Entered last week, so it started before today (nobody can enter leave in the past now).
            var started = new PlannedLeave { StaffMemberId = me, From = Day("2026-11-23"), To = Day("2026-11-27"), RecordedBy = "manager" };
            var notMine = new PlannedLeave { StaffMemberId = other, From = Day("2026-12-14"), To = Day("2026-12-15"), RecordedBy = "manager" };
            db.PlannedLeaves.AddRange(started, notMine);
            await db.SaveChangesAsync();
            (underWay, othersLeave) = (started.Id, notMine.Id);
        }
        await using var scope = await hall.StaffAsync("马莉", "mali");
        var leave = scope.ServiceProvider.GetRequiredService<LeaveService>();
        Assert.True((await leave.AddAsync(new LeaveEdit { From = D("2026-12-14"), To = D("2026-12-18") })).Succeeded);
        var upcoming = (await leave.LoadAsync()).Leaves.Single(l => l.From == Day("2026-12-14")).Id;

        Assert.Equal(["您只能撤销自己的请假登记。"], (await leave.CancelAsync(othersLeave)).Errors);
        Assert.Equal(["请假已开始，不能撤销；如需提前销假，请联系大厅管理人员。"], (await leave.CancelAsync(underWay)).Errors);
        Assert.Equal(["这条请假登记已不存在，请刷新页面。"], (await leave.CancelAsync(999_999)).Errors);
        Assert.True((await leave.CancelAsync(upcoming)).Succeeded);

        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        Assert.True((await manager.ServiceProvider.GetRequiredService<LeaveService>().CancelAsync(underWay)).Succeeded);

        await using var check = hall.CreateDbContext();
        Assert.False(await check.PlannedLeaves.AnyAsync(l => l.Id == upcoming));
        Assert.True(await check.PlannedLeaves.AnyAsync(l => l.Id == othersLeave));
        var cut = await check.PlannedLeaves.AsNoTracking().SingleAsync(l => l.Id == underWay);
        Assert.Equal((Day("2026-11-23"), Day("2026-11-24")), (cut.From, cut.To));
    }

    [Fact]
    public async Task OnlyManagersSeeThePredictedGaps()
    {
        await using var scope = await hall.StaffAsync("孙涛", "suntao");

        await Assert.ThrowsAsync<HallAccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<LeaveService>().PredictedGapsAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = hall.CreateDbContext();
        return await db.PlannedLeaves.CountAsync();
    }
}
