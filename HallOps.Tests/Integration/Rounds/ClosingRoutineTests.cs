using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Rounds;
using HallOps.Jobs;
using HallOps.Tests.Support;
using HallOps.Web.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HallOps.Tests.Integration.Rounds.ClosingHall;

namespace HallOps.Tests.Integration.Rounds;

/// <summary>
/// The windows' closing routine on the real app and a real SQLite file, on a clock the test turns
/// (SE4, SE5, IT7, SE2.2): on Thursday 2026-11-26 the hall closes at 17:00; at 17:10 every window whose
/// shutdown check is still open is reminded once — however often and however many instances run —
/// at 17:30 the unfinished ones go to the guards' evening round; a guard's failed verification is an
/// exception the manager is alerted to and the window's staff acknowledge the next morning.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ClosingRoutineTests : IAsyncLifetime
{
    private ClosingHall _hall = default!;

    public async Task InitializeAsync() => _hall = await ClosingHall.StartAsync();

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    [Fact]
    public async Task SE4_TheReminderJobRunTwice_RemindsEachOpenCheckOnce_NotTheOneDone_AndTheReminderEndsWhenTheCheckIsDone()
    {
        _hall.Clock.SetUtcNow(At(11, 26, 17, 5));
        await CompleteAsync("张晓明", windowNumber: 1);
        var job = _hall.App.Services.GetRequiredService<ShutdownReminderJob>();

        _hall.Clock.SetUtcNow(At(11, 26, 17, 9));
        await job.RunAsync(CancellationToken.None);
        Assert.Empty(await RemindersAsync());

        _hall.Clock.SetUtcNow(At(11, 26, 17, 10));
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var reminders = await RemindersAsync();
        var shutdown = await ShutdownChecksAsync();
        Assert.Equal(23, reminders.Count);
        Assert.Equal(reminders.Count, reminders.Select(a => a.Subject).Distinct().Count());
        Assert.All(reminders, a => Assert.Equal((AlertSeverity.Warning, true), (a.Severity, a.IsOpen)));
        foreach (var round in shutdown)
        {
            var alert = reminders.SingleOrDefault(a => a.Subject == HallSubjects.Round(round.Id));
            if (round.State == RoundState.Done)
            {
                Assert.Null(round.RemindedAt);
                Assert.Null(alert);
            }
            else
            {
                Assert.Equal(At(11, 26, 17, 10), round.RemindedAt);
                Assert.NotNull(alert);
                Assert.Equal(round.WindowId, alert.WindowId);
            }
        }
        Assert.Single(shutdown, r => r.State == RoundState.Done);

        // 李静 does window 2's check at 17:20: the monitor ends its reminder; the others stay.
        _hall.Clock.SetUtcNow(At(11, 26, 17, 20));
        var window2 = await CompleteAsync("李静", windowNumber: 2);
        await _hall.Monitor.CheckAsync();
        var after = await RemindersAsync();
        Assert.Equal(22, after.Count);
        Assert.DoesNotContain(after, a => a.Subject == HallSubjects.Round(window2));
        await using var db = _hall.CreateDbContext();
        var ended = await db.Alerts.AsNoTracking().SingleAsync(a => a.Kind == AlertKinds.RoundReminder && a.Subject == HallSubjects.Round(window2));
        Assert.Equal(At(11, 26, 17, 20), ended.ResolvedAt);
    }

    [Fact]
    public async Task SE4_ThreeInstancesRemindAtTheSameMoment_EachOpenCheckIsRemindedOnce()
    {
        _hall.Clock.SetUtcNow(At(11, 26, 17, 10));
        var routines = new[] { _hall.Routine, _hall.SecondInstanceRoutine(), _hall.SecondInstanceRoutine() };

        var results = await Task.WhenAll(routines.Select(r => Task.Run(() => r.RunAsync())));

        var reminders = await RemindersAsync();
        Assert.Equal(24, reminders.Count);
        Assert.Equal(24, reminders.Select(a => a.Subject).Distinct().Count());
        Assert.Equal(24, results.Sum(r => r.Reminded));
        Assert.All(await ShutdownChecksAsync(), r => Assert.Equal(At(11, 26, 17, 10), r.RemindedAt));
    }

    [Fact]
    public async Task SE2_SE4_At30MinutesTheUnfinishedChecksGoToTheEveningRound_TheDoneOneDoesNot_AndARunAfterAStopRemindsNobody()
    {
        _hall.Clock.SetUtcNow(At(11, 26, 17, 5));
        await CompleteAsync("张晓明", windowNumber: 1);
        var window1 = await _hall.ShutdownOfAsync(1);

        // The jobs server was down from before 17:10 until 17:31: the run that comes back hands the
        // unfinished checks over (twice run, once done) and reminds nobody — the staff have gone.
        _hall.Clock.SetUtcNow(At(11, 26, 17, 31));
        var first = await _hall.Routine.RunAsync();
        var second = await _hall.Routine.RunAsync();
        Assert.Equal((0, 23), (first.Reminded, first.HandedToGuard));
        Assert.Equal((0, 0), (second.Reminded, second.HandedToGuard));
        Assert.Empty(await RemindersAsync());

        var shutdown = await ShutdownChecksAsync();
        Assert.All(shutdown.Where(r => r.Id != window1.Id), r => Assert.Equal(At(11, 26, 17, 31), r.HandedToGuardAt));
        Assert.Null(shutdown.Single(r => r.Id == window1.Id).HandedToGuardAt);

        await using var db = _hall.CreateDbContext();
        var floors = await db.Floors.AsNoTracking().ToDictionaryAsync(f => f.Name, f => f.Id);
        var windows = await db.Windows.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Number);
        var ground = await RoundService.UnverifiedWindowsOf(db, floors["一楼"], At(11, 26, 21)).ToListAsync();
        var upper = await RoundService.UnverifiedWindowsOf(db, floors["二楼"], At(11, 26, 21)).ToListAsync();
        Assert.Equal(Enumerable.Range(2, 11), ground.Select(r => windows[r.WindowId!.Value]).Order());
        Assert.Equal(Enumerable.Range(13, 12), upper.Select(r => windows[r.WindowId!.Value]).Order());
    }

    [Fact]
    public async Task SE2_SE4_AGuardsFailedVerification_AlertsTheManager_TheWindowsStaffSeeItNextMorning_AndAcknowledgeItOnce()
    {
        _hall.Clock.SetUtcNow(At(11, 26, 17, 30));
        await _hall.Routine.RunAsync();
        var window2 = await _hall.ShutdownOfAsync(2);
        Assert.NotNull(window2.HandedToGuardAt);

        // 21:05, the evening round on the ground floor: window 2 was left powered.
        _hall.Clock.SetUtcNow(At(11, 26, 21, 5));
        await using (var guard = _hall.GuardScope())
        {
            var result = await guard.ServiceProvider.GetRequiredService<RoundService>()
                .VerifyWindowAsync(window2.Id, CheckResult.Fail, "显示器和空调未关", null);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }
        long exceptionId;
        await using (var db = _hall.CreateDbContext())
        {
            var exception = await db.RoundExceptions.AsNoTracking().SingleAsync();
            exceptionId = exception.Id;
            Assert.Equal((window2.WindowId, "显示器和空调未关", "马国强"), (exception.WindowId, exception.Note, exception.FoundBy));
            var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Kind == AlertKinds.RoundException);
            Assert.Equal((HallSubjects.RoundExceptionSubject(exceptionId), AlertSeverity.Critical, true), (alert.Subject, alert.Severity, alert.IsOpen));
            Assert.NotNull(alert.EscalatedAt);
            Assert.DoesNotContain(await RoundService.UnverifiedWindowsOf(db, window2.FloorId!.Value, At(11, 26, 21, 5)).Select(r => r.Id).ToListAsync(), id => id == window2.Id);
        }
        await using (var manager = _hall.ManagerScope())
        {
            var listed = Assert.Single(await manager.ServiceProvider.GetRequiredService<RoundExceptionService>().ListAsync());
            Assert.Equal(((int?)2, "马国强", false), (listed.WindowNumber, listed.FoundBy, listed.AcknowledgedAt is not null));
        }

        // Friday 08:10: the window's staff see it on their list; the staff of window 3 do not, and may not acknowledge it.
        _hall.Clock.SetUtcNow(At(11, 27, 8, 10));
        await using (var wang = await _hall.StaffScopeAsync("王建华"))
        {
            var service = wang.ServiceProvider.GetRequiredService<RoundExceptionService>();
            Assert.Empty(await service.ForMyWindowsAsync());
            var refused = await service.AcknowledgeAsync(exceptionId, "看到了");
            Assert.Equal(["只有该窗口的A、B岗人员或大厅管理人员可以确认这条问题。"], refused.Errors);
        }
        await using (var db = _hall.CreateDbContext())
        {
            Assert.Null((await db.RoundExceptions.AsNoTracking().SingleAsync()).AcknowledgedAt);
        }
        await using (var li = await _hall.StaffScopeAsync("李静"))
        {
            var service = li.ServiceProvider.GetRequiredService<RoundExceptionService>();
            var mine = Assert.Single(await service.ForMyWindowsAsync());
            Assert.Equal((exceptionId, (int?)2, "下班断电检查"), (mine.Id, mine.WindowNumber, mine.Item));
            var result = await service.AcknowledgeAsync(exceptionId, " 已提醒本窗口人员，今后下班前逐项检查 ");
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }
        await using (var zhang = await _hall.StaffScopeAsync("张晓明"))
        {
            var service = zhang.ServiceProvider.GetRequiredService<RoundExceptionService>();
            Assert.Empty(await service.ForMyWindowsAsync());
            var second = await service.AcknowledgeAsync(exceptionId, "我也知道了");
            Assert.Equal(["这条问题已由 李静 于 11-27 08:10 确认知悉，无需再确认。"], second.Errors);
        }
        await using (var db = _hall.CreateDbContext())
        {
            var stored = await db.RoundExceptions.AsNoTracking().SingleAsync();
            Assert.Equal(("李静", At(11, 27, 8, 10), "已提醒本窗口人员，今后下班前逐项检查"), (stored.AcknowledgedBy, stored.AcknowledgedAt, stored.AckNote));
            Assert.Null(stored.ClosedAt);
        }

        // The manager closes it with what was done: its alert is resolved; a second close changes nothing.
        _hall.Clock.SetUtcNow(At(11, 27, 9));
        await using (var manager = _hall.ManagerScope())
        {
            var service = manager.ServiceProvider.GetRequiredService<RoundExceptionService>();
            Assert.Equal(["关闭前请写明处理结果。"], (await service.CloseAsync(exceptionId, "  ")).Errors);
            Assert.True((await service.CloseAsync(exceptionId, "已约谈窗口负责人")).Succeeded);
            Assert.Equal(["这条问题已由 周建国 于 11-27 09:00 关闭。"], (await service.CloseAsync(exceptionId, "再关一次")).Errors);
            Assert.Empty(await service.ListAsync());
            Assert.Single(await service.ListAsync(includeClosed: true));
        }
        await using (var db = _hall.CreateDbContext())
        {
            var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Kind == AlertKinds.RoundException);
            Assert.Equal((false, At(11, 27, 9)), (alert.IsOpen, alert.ResolvedAt));
            var stored = await db.RoundExceptions.AsNoTracking().SingleAsync();
            Assert.Equal(("周建国", "已约谈窗口负责人"), (stored.ClosedBy, stored.CloseNote));
        }
    }

    [Fact]
    public async Task SE4_HY2_MyChecks_ListsTheChecksOfMyWindowsWithTheReminder_AManagerSeesEveryWindow_OthersSheetsAreNotShown()
    {
        _hall.Clock.SetUtcNow(At(11, 26, 17, 10));
        await _hall.Routine.RunAsync();

        await using (var zhang = await _hall.StaffScopeAsync("张晓明"))
        {
            var checks = zhang.ServiceProvider.GetRequiredService<MyChecksService>();
            var view = await checks.TodayAsync();
            Assert.Equal(new DateOnly(2026, 11, 26), view.Day);
            Assert.Equal([1, 2], view.Windows.Select(w => w.Number));
            Assert.Equal(
                [(1, RoundKind.HygieneSelfCheck), (1, RoundKind.ShutdownCheck), (2, RoundKind.HygieneSelfCheck), (2, RoundKind.ShutdownCheck)],
                view.Rows.Select(r => (r.WindowNumber, r.Kind)));
            // The morning's self-checks nobody did are missed; the shutdown checks are open and reminded.
            Assert.All(view.Rows.Where(r => r.Kind == RoundKind.HygieneSelfCheck), r => Assert.Equal(RoundState.Missed, r.State));
            Assert.Equal([1, 2], view.Reminders.Select(r => r.WindowNumber));
            Assert.All(view.Reminders, r => Assert.Equal((At(11, 26, 17), At(11, 26, 17, 30)), (r.DueFrom, r.DueBy)));

            var own = await checks.SheetAsync(view.Reminders[0].Id);
            Assert.True(own is { MayWork: true, Kind: RoundKind.ShutdownCheck });
            Assert.Null(await checks.SheetAsync((await _hall.ShutdownOfAsync(3)).Id));

            await using var db = _hall.CreateDbContext();
            var reminders = await db.Alerts.AsNoTracking().Where(a => a.Kind == AlertKinds.RoundReminder).ToListAsync();
            var window3 = await _hall.ShutdownOfAsync(3);
            var mine = await checks.ReminderAsync(reminders.Single(a => a.Subject == HallSubjects.Round(view.Reminders[0].Id)).Id);
            Assert.Equal(((int?)1, (long?)view.Reminders[0].Id), (mine?.WindowNumber, mine?.RoundId));
            Assert.Null(await checks.ReminderAsync(reminders.Single(a => a.Subject == HallSubjects.Round(window3.Id)).Id));
        }
        await using (var manager = _hall.ManagerScope())
        {
            var checks = manager.ServiceProvider.GetRequiredService<MyChecksService>();
            var all = await checks.TodayAsync();
            Assert.Equal(24, all.Windows.Count);
            Assert.Equal(48, all.Rows.Count);
            var five = await checks.TodayAsync(all.Windows.Single(w => w.Number == 5).Id);
            Assert.Equal([5, 5], five.Rows.Select(r => r.WindowNumber));
            Assert.NotNull(await checks.SheetAsync((await _hall.ShutdownOfAsync(3)).Id));
        }
        await using (var office = await _hall.StaffScopeAsync("何丽娟"))
        {
            var view = await office.ServiceProvider.GetRequiredService<MyChecksService>().TodayAsync();
            Assert.Empty(view.Windows);
            Assert.Empty(view.Rows);
        }
    }

    private async Task<long> CompleteAsync(string staff, int windowNumber)
    {
        var round = await _hall.ShutdownOfAsync(windowNumber);
        await using var scope = await _hall.StaffScopeAsync(staff);
        var rounds = scope.ServiceProvider.GetRequiredService<RoundService>();
        var sheet = await rounds.SheetAsync(round.Id);
        var result = await rounds.CompleteAsync(round.Id, sheet!.Items.Select(i => new CheckInput(i.Order, CheckResult.Pass, null, null)).ToList(), null);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return round.Id;
    }

    private async Task<List<Alert>> RemindersAsync()
    {
        await using var db = _hall.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Kind == AlertKinds.RoundReminder).ToListAsync();
    }

    private async Task<List<RoundInstance>> ShutdownChecksAsync()
    {
        await using var db = _hall.CreateDbContext();
        var from = At(11, 26, 0);
        var to = At(11, 27, 0);
        return await db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.ShutdownCheck && r.DueFrom >= from && r.DueFrom < to).ToListAsync();
    }
}
