using System.Globalization;
using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using HallOps.Web.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Hygiene;

/// <summary>
/// 检查计划 (SE2, SE4, HY2, HY4) on the real app and database, on Wednesday 2026-11-25 at 10:00:
/// a rule that cannot be read is refused with the reason and changes nothing; a rule's next
/// occurrences come from the hall's calendar; a changed rule replaces the rounds it had planned that
/// nobody started; a checklist is replaced as a whole, and rounds already done keep their items.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RoundScheduleAdminTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task SE4_ARuleThatCannotBeRead_IsRefusedWithTheReason_AndTheScheduleIsUnchanged()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var schedules = manager.ServiceProvider.GetRequiredService<RoundScheduleAdminService>();
        var shutdown = (await schedules.LoadAsync()).Single(t => t.Code == "shutdown-window").Schedules.Single();
        await using var db = hall.CreateDbContext();
        var before = await db.RoundSchedules.AsNoTracking().SingleAsync(s => s.Id == shutdown.Id);

        var result = await schedules.SaveScheduleAsync(new ScheduleEdit { Id = shutdown.Id, Rule = "weekly monday at 17:00", DueWithinMinutes = 0, MissedAfterMinutes = 60 });

        Assert.Equal(["星期写法不对：用 mon、tue、wed、thu、fri、sat、sun，多个用逗号分隔。", "完成时限应为 1 至 10080 分钟。"], result.Errors);
        Assert.Equal("时间写法不对：用 21:00、opening、closing 或 opening-30 这样的写法。", (await schedules.PreviewAsync("daily at 25:00")).Error);
        var stored = await db.RoundSchedules.AsNoTracking().SingleAsync(s => s.Id == shutdown.Id);
        Assert.Equivalent(before, stored, strict: true);
    }

    [Fact]
    public async Task HY4_ARulesNextOccurrences_FollowTheHallsCalendar()
    {
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var schedules = manager.ServiceProvider.GetRequiredService<RoundScheduleAdminService>();

        var preview = await schedules.PreviewAsync("weekly mon,thu at 09:00 workdays");

        Assert.Null(preview.Error);
        Assert.Equal(
            [At(11, 26, 9), At(11, 30, 9), At(12, 3, 9), At(12, 7, 9), At(12, 10, 9)],
            preview.Next.Select(t => t.ToOffset(Beijing)));
    }

    [Fact]
    public async Task SE4_AChangedRule_ReplacesTheRoundsNobodyStarted_AndAChecklistIsReplacedAsAWhole()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var schedules = manager.ServiceProvider.GetRequiredService<RoundScheduleAdminService>();
        var template = (await schedules.LoadAsync()).Single(t => t.Code == "shutdown-window");
        var schedule = template.Schedules.Single();
        var at1700 = At(11, 25, 17);
        var at1730 = At(11, 25, 17, 30);
        // The day as the round-plan job plans it (the app's start run may still be under way: planning twice adds nothing).
        var now = hall.Clock.GetUtcNow();
        await hall.App.Services.GetRequiredService<RoundPlanner>().PlanAsync(now.AddHours(-2), now.AddHours(24));
        await using (var db = hall.CreateDbContext())
        {
            Assert.Equal(24, await db.Rounds.CountAsync(r => r.ScheduleId == schedule.Id && r.DueFrom == at1700));
        }

        var saved = await schedules.SaveScheduleAsync(new ScheduleEdit
        {
            Id = schedule.Id, Rule = "workdays   at closing+30", DueWithinMinutes = 20, MissedAfterMinutes = 40, IsActive = true,
        });

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        await using (var db = hall.CreateDbContext())
        {
            Assert.Equal("workdays at closing+30", (await db.RoundSchedules.AsNoTracking().SingleAsync(s => s.Id == schedule.Id)).Rule);
            Assert.Equal(0, await db.Rounds.CountAsync(r => r.ScheduleId == schedule.Id && r.DueFrom == at1700));
            var replanned = await db.Rounds.AsNoTracking().Where(r => r.ScheduleId == schedule.Id && r.DueFrom == at1730).ToListAsync();
            Assert.Equal(24, replanned.Count);
            Assert.All(replanned, r => Assert.Equal((At(11, 25, 17, 50), At(11, 25, 18, 30)), (r.DueBy, r.MissedAt)));
        }

        Assert.Equal(["第 2 项没有填写内容。"], (await schedules.SaveItemsAsync(template.Id, [new ItemEdit { Text = "电脑已关" }, new ItemEdit { Text = " " }])).Errors);
        var items = await schedules.SaveItemsAsync(template.Id,
        [
            new ItemEdit { Text = "门窗已关好", PhotoOnFail = true },
            new ItemEdit { Text = "电脑、显示器、打印机已关闭" },
        ]);
        Assert.True(items.Succeeded, string.Join(" ", items.Errors));
        var reloaded = (await schedules.LoadAsync()).Single(t => t.Id == template.Id);
        Assert.Equal([(1, "门窗已关好", true), (2, "电脑、显示器、打印机已关闭", false)], reloaded.Items.Select(i => (i.Order, i.Text, i.PhotoOnFail)));

        await using var staff = await hall.StaffAsync("张晓明", "staff");
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => staff.ServiceProvider.GetRequiredService<RoundScheduleAdminService>().SetActiveAsync(schedule.Id, false));
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);
}
