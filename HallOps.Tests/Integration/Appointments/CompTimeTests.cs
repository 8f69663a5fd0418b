using System.Globalization;
using HallOps.Domain.Appointments;
using HallOps.Domain.Coverage;
using HallOps.Domain.Identity;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Appointments;
using HallOps.Web.Leave;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Appointments;

/// <summary>
/// The comp-time (调休) ledger on the demo hall at Wednesday 2026-11-25 10:00 (AP4.5): time served
/// after hours is given back as equal time off, arranged by the window's chief representative
/// (首席代表: 李静 for windows 1 and 2 in the demo) or a manager. The balance is earned minus taken
/// and never goes below zero; a day off is planned leave the coverage rules see. Each test works on
/// its own people, since the class shares one hall.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CompTimeTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private static DateTime D(string date) => DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<AsyncServiceScope> ManagerAsync() =>
        hall.SignedIn("manager", HallRoles.Manager, await hall.StaffIdAsync("周建国"));

    /// <summary>An earned line, as a completed appointment writes it.</summary>
    private async Task EarnAsync(int staffId, int minutes)
    {
        await using var db = hall.CreateDbContext();
        db.CompTimeEntries.Add(new CompTimeEntry
        {
            StaffMemberId = staffId, Kind = CompTimeKind.Earned, Minutes = minutes, RecordedAt = hall.Clock.GetUtcNow(), RecordedBy = "test",
        });
        await db.SaveChangesAsync();
    }

    private async Task<(int Entries, int Leaves)> CountAsync(int staffId)
    {
        await using var db = hall.CreateDbContext();
        return (await db.CompTimeEntries.CountAsync(c => c.StaffMemberId == staffId), await db.PlannedLeaves.CountAsync(l => l.StaffMemberId == staffId));
    }

    [Fact]
    public async Task AP4_5_TheChiefRepresentativeBooksAWholeDay_TheBalanceIsEarnedMinusTaken_AndTheDayIsPlannedLeaveOf调休()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var zhang = await hall.StaffIdAsync("张晓明");
        await using var chief = await hall.StaffAsync("李静", "lijing");
        var service = Service<CompTimeService>(chief);

        // The demo: 张晓明 earned 4 h + 3 h + 2 h 30 min; 李静 is chief representative of his window.
        var before = await service.LoadAsync(zhang);
        Assert.True(before.MayBook);
        Assert.Equal(570, Assert.Single(before.Staff, p => p.StaffId == zhang).Balance);
        Assert.Equal(570, before.Selected!.Balance);

        // Monday 11-30 is a winter working day: 08:30–12:00 and 14:00–17:00, 6 h 30 min.
        var booked = await service.BookAsync(new CompTimeBooking { StaffId = zhang, Date = D("2026-11-30"), WholeDay = true, Note = "家中有事" });

        Assert.True(booked.Succeeded, string.Join(" ", booked.Errors));
        await using (var db = hall.CreateDbContext())
        {
            var taken = await db.CompTimeEntries.AsNoTracking().SingleAsync(c => c.StaffMemberId == zhang && c.Kind == CompTimeKind.Taken);
            Assert.Equal((-390, Day("2026-11-30")), (taken.Minutes, taken.Date));
            var leave = await db.PlannedLeaves.AsNoTracking().SingleAsync(l => l.Id == taken.PlannedLeaveId);
            Assert.Equal((zhang, Day("2026-11-30"), Day("2026-11-30"), AwayReason.CompTime, "调休（全天）：家中有事", "lijing"),
                (leave.StaffMemberId, leave.From, leave.To, leave.Reason, leave.Note, leave.RecordedBy));
        }
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var mine = (await Service<CompTimeService>(staff).LoadAsync()).Mine!;
        Assert.Equal(570 - 390, mine.Balance);
        Assert.Equal(570 - 390, await Service<CompTimeService>(staff).BalanceAsync());
        Assert.Equal([-390, 150, 180, 240], mine.Lines.Select(l => l.Minutes));
        Assert.DoesNotContain(mine.Lines, l => l.CanCancel); // his own day off is cancelled by the chief, not by him

        // On the leave page it is 调休, which is not cancelled there: the ledger line goes with it.
        var leavePage = Service<LeaveService>(staff);
        var view = await leavePage.LoadAsync();
        var row = Assert.Single(view.Leaves, l => l.Reason == AwayReason.CompTime);
        Assert.False(view.CanCancel(row));
        Assert.Equal(["调休须由首席代表在调休页面撤销，以便调休余额保持正确。"], (await leavePage.CancelAsync(row.Id)).Errors);
        await using var manager = await ManagerAsync();
        Assert.Single((await Service<LeaveService>(manager).CancelAsync(row.Id)).Errors);
        Assert.Equal((4, 1), await CountAsync(zhang));

        // The rest: 3 h of 4 are refused, 3 h are not, and then the balance is zero.
        Assert.Equal(["调休余额不足：余额3小时0分，本次需4小时0分。"],
            (await service.BookAsync(new CompTimeBooking { StaffId = zhang, Date = D("2026-12-01"), WholeDay = false, Hours = 4 })).Errors);
        Assert.True((await service.BookAsync(new CompTimeBooking { StaffId = zhang, Date = D("2026-12-01"), WholeDay = false, Hours = 3 })).Succeeded);
        Assert.Equal(0, await Service<CompTimeService>(staff).BalanceAsync());
        await using (var db = hall.CreateDbContext())
        {
            Assert.Equal("调休（3小时）", (await db.PlannedLeaves.SingleAsync(l => l.StaffMemberId == zhang && l.From == Day("2026-12-01"))).Note);
        }
    }

    [Fact]
    public async Task AP4_5_BeyondTheBalance_APastDay_ARestDay_ADayWithLeave_OrOnesOwn_AreRefused_AndNothingIsWritten()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var zhao = await hall.StaffIdAsync("赵丽");
        await EarnAsync(zhao, 120);
        await using (var db = hall.CreateDbContext())
        {
            db.PlannedLeaves.Add(new PlannedLeave { StaffMemberId = zhao, From = Day("2026-12-03"), To = Day("2026-12-04"), RecordedBy = "manager" });
            await db.SaveChangesAsync();
        }
        var counts = await CountAsync(zhao);
        await using var manager = await ManagerAsync();
        var service = Service<CompTimeService>(manager);

        async Task<IReadOnlyList<string>> Book(string date, bool wholeDay = false, int hours = 2, int? who = null) =>
            (await service.BookAsync(new CompTimeBooking { StaffId = who ?? zhao, Date = D(date), WholeDay = wholeDay, Hours = hours })).Errors;

        Assert.Equal(["调休余额不足：余额2小时0分，本次需6小时30分。"], await Book("2026-11-27", wholeDay: true));
        Assert.Equal(["调休余额不足：余额2小时0分，本次需3小时0分。"], await Book("2026-11-27", hours: 3));
        Assert.Equal(["调休日期不能早于今天（2026-11-25）。"], await Book("2026-11-24"));
        Assert.Equal(["2026-11-28不是工作日，无需调休。"], await Book("2026-11-28"));
        Assert.Equal(["该人员2026-12-03已有请假登记，不能再安排调休。"], await Book("2026-12-03"));
        Assert.Equal(["调休小时数须为1至6之间的整数。"], await Book("2026-11-27", hours: 0));
        Assert.Equal(["请选择调休日期。"], (await service.BookAsync(new CompTimeBooking { StaffId = zhao })).Errors);
        Assert.Equal(["不能为自己安排调休，请由所在窗口的首席代表安排。"], await Book("2026-11-27", who: await hall.StaffIdAsync("周建国")));

        Assert.Equal(counts, await CountAsync(zhao));
        Assert.Equal(120, await service.BalanceAsync(zhao));
        // Within the balance, the same day is fine.
        Assert.Empty(await Book("2026-11-27"));
        Assert.Equal(0, await service.BalanceAsync(zhao));
    }

    [Fact]
    public async Task AP4_5_StaffWhoAreNotTheChiefRepresentative_NeitherSeeNorBookOthersTimeOff_NorBookTheirOwn()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var song = await hall.StaffIdAsync("宋杰");   // A of window 22, which has no chief representative
        var wang = await hall.StaffIdAsync("王建华"); // A of window 3
        await EarnAsync(song, 600);
        await EarnAsync(wang, 600);
        var counts = await CountAsync(song);

        await using var other = await hall.StaffAsync("王建华");
        var service = Service<CompTimeService>(other);
        var view = await service.LoadAsync(song);
        Assert.False(view.MayBook);
        Assert.Empty(view.Staff);
        Assert.Null(view.Selected);
        Assert.Equal(600, view.Mine!.Balance);
        Assert.Null(await service.BalanceAsync(song));
        Assert.Equal(["只有该人员所在窗口的首席代表或大厅管理人员可以安排调休。"],
            (await service.BookAsync(new CompTimeBooking { StaffId = song, Date = D("2026-11-30") })).Errors);
        Assert.Equal(["不能为自己安排调休，请由所在窗口的首席代表安排。"],
            (await service.BookAsync(new CompTimeBooking { StaffId = wang, Date = D("2026-11-30") })).Errors);

        // The chief representative of windows 1 and 2 arranges nobody else's either.
        await using var chief = await hall.StaffAsync("李静", "lijing");
        Assert.DoesNotContain((await Service<CompTimeService>(chief).LoadAsync()).Staff, p => p.StaffId == song);
        Assert.Equal(["只有该人员所在窗口的首席代表或大厅管理人员可以安排调休。"],
            (await Service<CompTimeService>(chief).BookAsync(new CompTimeBooking { StaffId = song, Date = D("2026-11-30") })).Errors);

        Assert.Equal(counts, await CountAsync(song));
        Assert.Equal(600, await Service<CompTimeService>(await ManagerAsync()).BalanceAsync(song));
    }

    [Fact]
    public async Task AP4_5_AB4_ABookedDayIsAbsence_ThePredictedGapsSeeIt_AndCancellingRestoresTheBalanceAndRemovesTheLeave()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var liu = await hall.StaffIdAsync("刘洋");   // A of window 4, B of 5
        var chen = await hall.StaffIdAsync("陈敏");  // A of window 5, B of 4
        await EarnAsync(chen, 400);
        await using var manager = await ManagerAsync();
        var leave = Service<LeaveService>(manager);
        var service = Service<CompTimeService>(manager);
        Assert.True((await leave.AddAsync(new LeaveEdit { StaffId = liu, From = D("2026-11-26"), To = D("2026-11-27") })).Succeeded);
        Assert.DoesNotContain(await leave.PredictedGapsAsync(), g => g.WindowNumber is 4 or 5);

        // 陈敏 takes Thursday off as 调休: windows 4 and 5 have neither A nor B that day.
        Assert.True((await service.BookAsync(new CompTimeBooking { StaffId = chen, Date = D("2026-11-26"), WholeDay = true })).Succeeded);
        var gaps = (await leave.PredictedGapsAsync()).Where(g => g.WindowNumber is 4 or 5).ToList();
        Assert.Equal([(Day("2026-11-26"), 4), (Day("2026-11-26"), 5)], gaps.Select(g => (g.Date, g.WindowNumber)));
        Assert.Equal(10, await service.BalanceAsync(chen));

        // Cancelled the day before: the balance is whole again and the absence is gone.
        var taken = Assert.Single((await service.LoadAsync(chen)).Selected!.Lines, l => l.Kind == CompTimeKind.Taken);
        Assert.True(taken.CanCancel);
        var cancelled = await service.CancelAsync(taken.Id);

        Assert.True(cancelled.Succeeded, string.Join(" ", cancelled.Errors));
        Assert.Equal(400, await service.BalanceAsync(chen));
        Assert.DoesNotContain(await leave.PredictedGapsAsync(), g => g.WindowNumber is 4 or 5);
        await using (var db = hall.CreateDbContext())
        {
            Assert.False(await db.PlannedLeaves.AnyAsync(l => l.StaffMemberId == chen));
            Assert.False(await db.CompTimeEntries.AnyAsync(c => c.StaffMemberId == chen && c.Kind == CompTimeKind.Taken));
        }
        Assert.Equal(["这条调休登记已不存在，请刷新页面。"], (await service.CancelAsync(taken.Id)).Errors);

        // A day that has come is not cancelled any more.
        Assert.True((await service.BookAsync(new CompTimeBooking { StaffId = chen, Date = D("2026-11-25"), WholeDay = false, Hours = 2 })).Succeeded);
        var today = Assert.Single((await service.LoadAsync(chen)).Selected!.Lines, l => l.Kind == CompTimeKind.Taken);
        Assert.False(today.CanCancel);
        Assert.Equal(["调休当天或之后不能撤销。"], (await service.CancelAsync(today.Id)).Errors);
        Assert.Equal(280, await service.BalanceAsync(chen));
    }

    [Fact]
    public async Task AP4_5_TwoBookingsAtOnce_ThatTogetherExceedTheBalance_OnlyOneIsWritten()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var huang = await hall.StaffIdAsync("黄志强");
        await EarnAsync(huang, 390);
        await using var manager = await ManagerAsync();
        await using var otherManager = hall.SignedIn("admin", HallRoles.Admin);
        Task<SaveResult>? second = null;
        // The first booking has read the balance (4 h of 6 h 30 min fit); a second of 4 h, for
        // another day, starts right then — as a double submit or another manager would.
        hall.Hook.AfterRead(
            when: command => command.CommandText.Contains("FROM \"CompTimeEntries\"", StringComparison.Ordinal),
            then: () =>
            {
                second = Task.Run(() => Service<CompTimeService>(otherManager)
                    .BookAsync(new CompTimeBooking { StaffId = huang, Date = D("2026-12-02"), WholeDay = false, Hours = 4 }));
                return Task.CompletedTask;
            });

        var first = await Service<CompTimeService>(manager)
            .BookAsync(new CompTimeBooking { StaffId = huang, Date = D("2026-12-01"), WholeDay = false, Hours = 4 });
        Assert.True(hall.Hook.Fired);
        var results = new[] { first, await second! };

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(390 - 240, await Service<CompTimeService>(manager).BalanceAsync(huang));
        await using var db = hall.CreateDbContext();
        Assert.Equal(1, await db.CompTimeEntries.CountAsync(c => c.StaffMemberId == huang && c.Kind == CompTimeKind.Taken));
        Assert.Equal(1, await db.PlannedLeaves.CountAsync(l => l.StaffMemberId == huang));
    }
}
