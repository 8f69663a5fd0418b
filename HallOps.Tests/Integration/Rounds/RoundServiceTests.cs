using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Domain.Staffing;
using HallOps.Tests.Integration.Coverage;
using HallOps.Web.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Rounds;

/// <summary>
/// Working on rounds through the app's round service, on the demo hall's real database and a fake
/// clock (SE2.2, SE4, HY4): who may complete which round, what a refused completion leaves (nothing),
/// and what a failed item leads to — an exception that alerts the manager at once, or a
/// rectification due in two working days. Each test has its own hall, since each turns the clock.
/// </summary>
public sealed class RoundServiceTests : IAsyncLifetime
{
    private readonly CoverageHall hall = new();

    public Task InitializeAsync() => hall.InitializeAsync();

    public Task DisposeAsync() => hall.DisposeAsync();

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, CoverageHall.Beijing);

    private async Task<RoundInstance> RoundOfWindowAsync(int number, RoundKind kind, int day = 25)
    {
        await using var db = hall.CreateDbContext();
        var from = At(day, 0);
        var to = At(day + 1, 0);
        if (!await db.Rounds.AnyAsync(r => r.Kind == kind && r.DueFrom >= from && r.DueFrom < to))
        {
            await hall.App.Services.GetRequiredService<RoundPlanner>().PlanAsync(from, to);
        }
        var windowId = await db.Windows.Where(w => w.Number == number).Select(w => w.Id).SingleAsync();
        return await db.Rounds.AsNoTracking().Include(r => r.Template!).ThenInclude(t => t.Items)
            .SingleAsync(r => r.Kind == kind && r.WindowId == windowId && r.DueFrom >= from && r.DueFrom < to);
    }

    private async Task<(int StaffId, string Name)> HolderAsync(int windowNumber, PostRole role = PostRole.A)
    {
        await using var db = hall.CreateDbContext();
        var holder = await db.PostHolders.Where(h => h.Post!.Window!.Number == windowNumber && h.Role == role)
            .Select(h => new { h.StaffMemberId, h.StaffMember!.Name }).FirstAsync();
        return (holder.StaffMemberId, holder.Name);
    }

    private static List<CheckInput> AllPass(RoundInstance round) =>
        round.Template!.Items.OrderBy(i => i.Order).Select(i => new CheckInput(i.Order, CheckResult.Pass, null, null)).ToList();

    [Fact]
    public async Task SE4_TheWindowsClerkCompletesItsShutdownCheck_AFailedItemIsAnExceptionThatAlertsTheManagerAtOnce()
    {
        hall.Clock.SetUtcNow(At(25, 17, 5));
        var round = await RoundOfWindowAsync(1, RoundKind.ShutdownCheck);
        var clerk = await HolderAsync(1);
        var inputs = AllPass(round);
        inputs[0] = inputs[0] with { Result = CheckResult.Fail, Note = "打印机关不掉" };

        await using var scope = hall.SignedIn(clerk.Name, HallRoles.Staff, clerk.StaffId);
        var result = await scope.ServiceProvider.GetRequiredService<RoundService>().CompleteAsync(round.Id, inputs, null);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = hall.CreateDbContext();
        var stored = await db.Rounds.AsNoTracking().Include(r => r.Checks).SingleAsync(r => r.Id == round.Id);
        Assert.Equal(RoundState.Done, stored.State);
        Assert.Equal(80, stored.Score);
        var exception = await db.RoundExceptions.AsNoTracking().SingleAsync(e => e.RoundId == round.Id);
        Assert.Equal((round.WindowId, "打印机关不掉"), (exception.WindowId, exception.Note));
        var subject = HallSubjects.RoundExceptionSubject(exception.Id);
        var alert = await db.Alerts.AsNoTracking().SingleAsync(a => a.Subject == subject);
        Assert.Equal((AlertKinds.RoundException, AlertSeverity.Critical, true), (alert.Kind, alert.Severity, alert.IsOpen));
        Assert.NotNull(alert.EscalatedAt); // the manager is told at once, not after the ack timeout

        // Submitting again changes nothing: the round is settled.
        var again = await scope.ServiceProvider.GetRequiredService<RoundService>().CompleteAsync(round.Id, AllPass(round), null);
        Assert.False(again.Succeeded);
        Assert.Equal(1, await db.RoundExceptions.CountAsync(e => e.RoundId == round.Id));
    }

    [Fact]
    public async Task SE4_AClerkOfAnotherWindow_CannotCompleteThisWindowsCheck_AndNothingIsStored()
    {
        hall.Clock.SetUtcNow(At(25, 17, 5));
        var round = await RoundOfWindowAsync(2, RoundKind.ShutdownCheck);
        var other = await HolderAsync(3);

        await using var scope = hall.SignedIn(other.Name, HallRoles.Staff, other.StaffId);
        var result = await scope.ServiceProvider.GetRequiredService<RoundService>().CompleteAsync(round.Id, AllPass(round), null);

        Assert.False(result.Succeeded);
        Assert.Contains("不归您", Assert.Single(result.Errors));
        await using var db = hall.CreateDbContext();
        var stored = await db.Rounds.AsNoTracking().Include(r => r.Checks).SingleAsync(r => r.Id == round.Id);
        Assert.Equal((RoundState.Due, 0), (stored.State, stored.Checks.Count));
    }

    [Fact]
    public async Task SE4_MissingItems_AFailWithoutNote_AForgedPhoto_OrOutsideTheWindowWithoutAReason_AreRefused()
    {
        var round = await RoundOfWindowAsync(4, RoundKind.ShutdownCheck);
        var clerk = await HolderAsync(4);
        await using var scope = hall.SignedIn(clerk.Name, HallRoles.Staff, clerk.StaffId);
        var rounds = scope.ServiceProvider.GetRequiredService<RoundService>();

        // 14:00 is before the check's time window opens (17:00): a reason is asked for.
        hall.Clock.SetUtcNow(At(25, 14, 0));
        var early = await rounds.CompleteAsync(round.Id, AllPass(round), null);
        hall.Clock.SetUtcNow(At(25, 17, 5));
        var missing = await rounds.CompleteAsync(round.Id, AllPass(round).Skip(1).ToList(), null);
        var noNote = AllPass(round);
        noNote[1] = noNote[1] with { Result = CheckResult.Fail, Note = " " };
        var withoutNote = await rounds.CompleteAsync(round.Id, noNote, null);
        var forged = AllPass(round);
        forged[1] = forged[1] with { Result = CheckResult.Fail, Note = "门锁坏了", Photo = "../../etc/passwd" };
        var forgedPhoto = await rounds.CompleteAsync(round.Id, forged, null);

        Assert.Contains("没有填写结果", Assert.Single(missing.Errors));
        Assert.Contains("写明", Assert.Single(withoutNote.Errors));
        Assert.Contains("照片", Assert.Single(forgedPhoto.Errors));
        Assert.Contains("原因", Assert.Single(early.Errors));
        await using var db = hall.CreateDbContext();
        var stored = await db.Rounds.AsNoTracking().Include(r => r.Checks).SingleAsync(r => r.Id == round.Id);
        Assert.Equal((RoundState.Due, 0), (stored.State, stored.Checks.Count));
        Assert.False(await db.RoundExceptions.AnyAsync(e => e.RoundId == round.Id));

        // Inside the window and complete, the same completion is taken.
        var complete = await rounds.CompleteAsync(round.Id, AllPass(round), null);
        Assert.True(complete.Succeeded, string.Join("; ", complete.Errors));
    }

    [Fact]
    public async Task SE2_2_AFloorsEveningRound_WaitsForTheWindowsHandedToTheGuard_AFailedVerificationIsAnException()
    {
        var shutdown = await RoundOfWindowAsync(5, RoundKind.ShutdownCheck);
        await using (var db = hall.CreateDbContext())
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == shutdown.Id);
            round.HandedToGuardAt = At(25, 17, 30);
            // The floor's other windows did their own checks: the minute scan, which runs on the same
            // clock whenever a minute turns, then has none to hand to the guard while this test runs.
            var others = await db.Rounds.Where(r => r.Kind == RoundKind.ShutdownCheck && r.FloorId == shutdown.FloorId
                && r.Id != shutdown.Id && r.DueFrom == shutdown.DueFrom).ToListAsync();
            Assert.NotEmpty(others);
            foreach (var other in others)
            {
                (other.State, other.CompletedAt) = (RoundState.Done, At(25, 17, 20));
            }
            await db.SaveChangesAsync();
        }
        hall.Clock.SetUtcNow(At(25, 21, 10));
        await using var read = hall.CreateDbContext();
        var evening = await read.Rounds.AsNoTracking().Include(r => r.Template!).ThenInclude(t => t.Items)
            .Where(r => r.Kind == RoundKind.EveningRound && r.FloorId == shutdown.FloorId && r.DueFrom == At(25, 21)).SingleAsync();
        await using var scope = hall.SignedIn("guard", HallRoles.Guard);
        var rounds = scope.ServiceProvider.GetRequiredService<RoundService>();

        var tooSoon = await rounds.CompleteAsync(evening.Id, AllPass(evening), null);
        Assert.Contains("核查", Assert.Single(tooSoon.Errors));

        var noNote = await rounds.VerifyWindowAsync(shutdown.Id, CheckResult.Fail, null, null);
        Assert.False(noNote.Succeeded);
        var verified = await rounds.VerifyWindowAsync(shutdown.Id, CheckResult.Fail, "电脑未关机", null);
        Assert.True(verified.Succeeded, string.Join("; ", verified.Errors));
        var twice = await rounds.VerifyWindowAsync(shutdown.Id, CheckResult.Pass, null, null);
        Assert.False(twice.Succeeded);

        var done = await rounds.CompleteAsync(evening.Id, AllPass(evening), null);
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));
        var exception = await read.RoundExceptions.AsNoTracking().SingleAsync(e => e.RoundId == shutdown.Id);
        Assert.Equal((shutdown.WindowId, "电脑未关机"), (exception.WindowId, exception.Note));
        Assert.True(await read.Alerts.AnyAsync(a => a.IsOpen && a.Kind == AlertKinds.RoundException && a.Subject == HallSubjects.RoundExceptionSubject(exception.Id)));
        var stored = await read.Rounds.AsNoTracking().SingleAsync(r => r.Id == shutdown.Id);
        Assert.Equal((CheckResult?)CheckResult.Fail, stored.VerifyResult);
    }

    [Fact]
    public async Task SE4_OutsideTheTimeWindow_ACompletionWithAReasonIsTaken()
    {
        var round = await RoundOfWindowAsync(8, RoundKind.ShutdownCheck);
        var clerk = await HolderAsync(8);
        hall.Clock.SetUtcNow(At(25, 15, 0));
        await using var scope = hall.SignedIn(clerk.Name, HallRoles.Staff, clerk.StaffId);

        var result = await scope.ServiceProvider.GetRequiredService<RoundService>().CompleteAsync(round.Id, AllPass(round), "下午外出办公，提前检查");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        await using var db = hall.CreateDbContext();
        var stored = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round.Id);
        Assert.Equal((RoundState.Done, "下午外出办公，提前检查"), (stored.State, stored.OutOfWindowReason));
    }

    [Fact]
    public async Task SE2_2_AClerkCannotVerifyAWindowForTheGuard()
    {
        var shutdown = await RoundOfWindowAsync(6, RoundKind.ShutdownCheck);
        var clerk = await HolderAsync(6);
        await using var scope = hall.SignedIn(clerk.Name, HallRoles.Staff, clerk.StaffId);

        var result = await scope.ServiceProvider.GetRequiredService<RoundService>().VerifyWindowAsync(shutdown.Id, CheckResult.Pass, null, null);

        Assert.False(result.Succeeded);
        await using var db = hall.CreateDbContext();
        Assert.Null((await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == shutdown.Id)).VerifiedAt);
    }

    [Fact]
    public async Task HY4_AFailedInspectionItem_OpensARectificationDueInTwoWorkingDays()
    {
        // Wednesday 2026-11-25: two working days later is Friday the 27th.
        hall.Clock.SetUtcNow(At(25, 10, 0));
        long roundId;
        await using (var db = hall.CreateDbContext())
        {
            var template = await db.RoundTemplates.SingleAsync(t => t.Code == "hygiene-inspection");
            var window = await db.Windows.SingleAsync(w => w.Number == 7);
            var round = new RoundInstance
            {
                TemplateId = template.Id, OccurrenceKey = "test|inspection|7", Kind = RoundKind.HygieneInspection,
                Subject = HallSubjects.Window(window.Id), WindowId = window.Id, FloorId = window.FloorId,
                DueFrom = At(25, 9), DueBy = At(25, 17), MissedAt = At(26, 17), AssigneeRole = HallRoles.Manager, State = RoundState.Due,
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
        }
        await using var read = hall.CreateDbContext();
        var sheet = await read.Rounds.AsNoTracking().Include(r => r.Template!).ThenInclude(t => t.Items).SingleAsync(r => r.Id == roundId);
        var inputs = AllPass(sheet);
        inputs[2] = inputs[2] with { Result = CheckResult.Fail, Note = "主机箱积灰" };
        await using var scope = hall.SignedIn("manager", HallRoles.Manager);

        var result = await scope.ServiceProvider.GetRequiredService<RoundService>().CompleteAsync(roundId, inputs, null);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var rectification = await read.Rectifications.AsNoTracking().SingleAsync(r => r.RoundId == roundId);
        Assert.Equal((new DateOnly(2026, 11, 27), "主机箱积灰", sheet.WindowId), (rectification.DueOn, rectification.Note, rectification.WindowId));
        Assert.False(await read.RoundExceptions.AnyAsync(e => e.RoundId == roundId));
    }
}
