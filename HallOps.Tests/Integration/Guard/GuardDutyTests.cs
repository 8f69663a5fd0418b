using System.Globalization;
using HallOps.Domain.Identity;
using HallOps.Domain.Rounds;
using HallOps.Tests.Support;
using HallOps.Web.Guard;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Guard;

/// <summary>
/// The guard's night on the real app and SQLite database (<see cref="GuardHall"/>: 21:05, the first
/// evening round under way): shift handover (SE2.1), the checkpoint labels that prove a guard stood
/// at a floor (SE2.2), and the floor's windows to verify (SE4).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GuardDutyTests(GuardHall hall) : IClassFixture<GuardHall>
{
    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private AsyncServiceScope Guard(string user = "guard", string name = "马国强") => hall.SignedIn(user, HallRoles.Guard, name);

    [Fact]
    public async Task SE2_1_TakingOver_EndsThePreviousShift_ShowsItsHandoverNote_AndKeepsOneOpenShift()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using (var day = Guard("guard-day", "刘建军"))
        {
            Assert.True((await Service<GuardShiftService>(day).TakeOverAsync()).Succeeded);
            Assert.Equal(["您已经在值班了。"], (await Service<GuardShiftService>(day).TakeOverAsync()).Errors);
            Assert.Equal(["交班要写交班记录，没有特别情况也请写\"无异常\"。"], (await Service<GuardShiftService>(day).HandOverAsync("   ")).Errors);
            Assert.True((await Service<GuardShiftService>(day).HandOverAsync("二楼东侧消防通道堆了纸箱，已通知物业明早清走。")).Succeeded);
        }

        await using var night = Guard();
        var before = await Service<GuardShiftService>(night).DutyAsync();
        Assert.Null(before.OnDuty);
        Assert.Equal("二楼东侧消防通道堆了纸箱，已通知物业明早清走。", before.HandedOver?.HandoverNote);
        Assert.Equal(["您现在不在值班，不能交班。"], (await Service<GuardShiftService>(night).HandOverAsync("无异常")).Errors);

        Assert.True((await Service<GuardShiftService>(night).TakeOverAsync()).Succeeded);

        var duty = await Service<GuardShiftService>(night).DutyAsync();
        Assert.True(duty.OnDutyIsMe);
        Assert.Equal(("马国强", hall.Clock.GetUtcNow()), (duty.OnDuty!.GuardName, duty.OnDuty.StartedAt));
        Assert.Equal(("刘建军", "二楼东侧消防通道堆了纸箱，已通知物业明早清走。"), (duty.HandedOver!.GuardName, duty.HandedOver.HandoverNote));

        // Taking over from a guard who did not hand over: their shift ends, without a note, and that is what the next one sees.
        await using (var relief = Guard("guard-relief", "王磊"))
        {
            Assert.True((await Service<GuardShiftService>(relief).TakeOverAsync()).Succeeded);
            var seen = await Service<GuardShiftService>(relief).DutyAsync();
            Assert.Equal(("马国强", (string?)null), (seen.HandedOver!.GuardName, seen.HandedOver.HandoverNote));
        }
        var other = await Service<GuardShiftService>(night).DutyAsync();
        Assert.False(other.OnDutyIsMe);
        Assert.Equal("王磊", other.OnDuty!.GuardName);

        await using var db = hall.CreateDbContext();
        Assert.Equal(1, await db.GuardShifts.CountAsync(s => s.EndedAt == null));
    }

    [Fact]
    public async Task SE2_2_ScanningAFloorsLabel_RecordsTheScanOnTonightsOpenRoundOfThatFloor_Once()
    {
        var label = await hall.CheckpointAsync("一楼");
        var round = await hall.EveningRoundAsync(level: 1);
        await using var scope = Guard();

        var scan = await Service<CheckpointService>(scope).ScanAsync(label.Token);
        var again = await Service<CheckpointService>(scope).ScanAsync(label.Token);

        Assert.Equal((ScanOutcome.EveningRound, round.Id, false), (scan.Outcome, scan.RoundId, scan.Repeated));
        Assert.Equal((ScanOutcome.EveningRound, round.Id, true), (again.Outcome, again.RoundId, again.Repeated));
        await using var db = hall.CreateDbContext();
        var stored = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round.Id);
        Assert.Equal((GuardHall.Evening, RoundState.InProgress, "马国强"), (stored.CheckpointScannedAt, stored.State, stored.StartedBy));
        Assert.Equal(0, await db.Rounds.CountAsync(r => r.Kind == RoundKind.Patrol && r.Subject == "floor:" + label.FloorId));
    }

    [Fact]
    public async Task SE2_2_AnUnknownForgedOrOtherHallsCode_IsRefused_AndNothingIsStored()
    {
        var real = await hall.CheckpointAsync("二楼");
        await using (var manager = hall.SignedIn("manager", HallRoles.Manager, "周建国"))
        {
            var checkpoints = Service<CheckpointService>(manager);
            Assert.True((await checkpoints.SaveAsync(new CheckpointEdit { Kind = CheckpointKind.PublicArea, Name = "旧档案室", FloorId = real.FloorId })).Succeeded);
            var archive = (await checkpoints.ListAsync()).Single(c => c.Name == "旧档案室");
            Assert.True((await checkpoints.SetActiveAsync(archive.Id, false)).Succeeded);
        }
        var retired = await hall.CheckpointAsync("旧档案室");
        var codes = new[]
        {
            CheckpointTokens.New(), // another hall's label
            "1", "42", "", "../../manage", real.Token + "x", real.Token[..^1], Flip(real.Token), retired.Token, null,
        };
        var before = await SnapshotAsync();
        await using var scope = Guard();

        foreach (var code in codes)
        {
            var result = await Service<CheckpointService>(scope).ScanAsync(code);
            Assert.Equal(ScanOutcome.Unknown, result.Outcome);
            Assert.Null(result.RoundId);
            Assert.Null(result.StopId);
        }
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task SE2_2_AnewCodeForALabel_MakesTheOldLabelOpenNothing_AndOnlyTheManagerMayIssueIt()
    {
        var label = await hall.CheckpointAsync("一楼卫生间");
        await using (var guard = Guard())
        {
            await Assert.ThrowsAsync<HallAccessDeniedException>(() => Service<CheckpointService>(guard).RegenerateTokenAsync(label.Id));
        }
        await using (var manager = hall.SignedIn("manager", HallRoles.Manager, "周建国"))
        {
            Assert.True((await Service<CheckpointService>(manager).RegenerateTokenAsync(label.Id)).Succeeded);
        }
        var renewed = await hall.CheckpointAsync("一楼卫生间");
        Assert.NotEqual(label.Token, renewed.Token);

        await using var scope = Guard();
        Assert.Equal(ScanOutcome.Unknown, (await Service<CheckpointService>(scope).ScanAsync(label.Token)).Outcome);
        Assert.Equal(ScanOutcome.PatrolStop, (await Service<CheckpointService>(scope).ScanAsync(renewed.Token)).Outcome);
    }

    [Fact]
    public async Task SE2_2_SE4_TheWindowsNotSelfChecked_AreToVerify_AndVerifyingTheRestCountsOnTonightsList()
    {
        var round = await hall.EveningRoundAsync(level: 2);
        await using (var db = hall.CreateDbContext())
        {
            // Two windows of the floor did their shutdown self-check; the rest did not.
            var selfChecked = await db.Rounds.Where(r => r.Kind == RoundKind.ShutdownCheck && r.FloorId == round.FloorId && r.DueFrom < GuardHall.Evening)
                .OrderBy(r => r.WindowId).Select(r => r.Id).Take(2).ToListAsync();
            await GuardHall.SelfCheckedAsync(db, selfChecked, "胡晓燕");
        }
        await using var scope = Guard();
        var rounds = Service<GuardRoundService>(scope);

        var view = await rounds.FloorRoundAsync(round.Id);
        Assert.NotNull(view);
        Assert.Equal(2, view.Windows.Count(w => !w.NeedsVerify));
        Assert.Equal(view.Windows.Count - 2, view.Pending);
        Assert.True(view.Pending > 0);

        Assert.True((await rounds.VerifyRemainingAsync(round.Id)).Succeeded);

        var after = await rounds.FloorRoundAsync(round.Id);
        Assert.Equal(0, after!.Pending);
        Assert.All(after.Windows.Where(w => w.NeedsVerify), w => Assert.Equal((CheckResult.Pass, "马国强"), (w.VerifyResult, w.VerifiedBy)));
        var row = (await rounds.TonightAsync()).Occurrences.SelectMany(o => o.Floors).Single(f => f.RoundId == round.Id);
        Assert.Equal((view.ToVerify, view.ToVerify), (row.WindowsVerified, row.WindowsToVerify));
    }

    [Fact]
    public async Task SE2_2_ARoundPastItsMissedLine_ShowsMissedOnTonightsList_BeforeTheMonitorStoresIt()
    {
        // An earlier round of floor 1 tonight (19:00, missed at 20:30), still stored as due: the
        // monitor has not looked at it (no next check). At the fixture's 21:05 it is missed, as the wall says.
        var template = await hall.EveningRoundAsync(level: 1);
        long id;
        await using (var db = hall.CreateDbContext())
        {
            var early = new RoundInstance
            {
                TemplateId = template.TemplateId, ScheduleId = template.ScheduleId, OccurrenceKey = template.OccurrenceKey + ":19:00",
                Kind = RoundKind.EveningRound, Subject = template.Subject, FloorId = template.FloorId, AssigneeRole = template.AssigneeRole,
                DueFrom = new DateTimeOffset(2026, 11, 26, 19, 0, 0, GuardHall.Beijing), DueBy = new DateTimeOffset(2026, 11, 26, 19, 30, 0, GuardHall.Beijing),
                MissedAt = new DateTimeOffset(2026, 11, 26, 20, 30, 0, GuardHall.Beijing), State = RoundState.Due,
            };
            db.Rounds.Add(early);
            await db.SaveChangesAsync();
            id = early.Id;
        }
        await using var scope = Guard();

        var rows = (await Service<GuardRoundService>(scope).TonightAsync()).Occurrences.SelectMany(o => o.Floors).ToList();

        Assert.Equal(RoundState.Missed, rows.Single(f => f.RoundId == id).State);
        // The 21:00 round, inside its window, is still to do (another test may have started it).
        Assert.Contains(rows.Single(f => f.RoundId == template.Id).State, new[] { RoundState.Due, RoundState.InProgress });
    }

    [Fact]
    public async Task SE2_2_AFloorEnteredByHand_NeedsAReason_AndIsRecordedOnce()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var round = await hall.EveningRoundAsync(level: 2);
        await using var scope = Guard();
        var rounds = Service<GuardRoundService>(scope);

        Assert.Equal(["请写明为什么没扫码。"], (await rounds.EnterByHandAsync(round.Id, "  ")).Errors);
        Assert.True((await rounds.EnterByHandAsync(round.Id, "二楼二维码被撕掉了")).Succeeded);
        Assert.Equal(["本楼层已扫码或已手动登记，不用再登记。"], (await rounds.EnterByHandAsync(round.Id, "再登记一次")).Errors);

        var view = await rounds.FloorRoundAsync(round.Id);
        Assert.Equal(("二楼二维码被撕掉了", (DateTimeOffset?)null, true), (view!.ManualEntryReason, view.ScannedAt, view.PlaceConfirmed));
    }

    private async Task<(int Rounds, int Scanned, int Alerts, int Patrols)> SnapshotAsync()
    {
        await using var db = hall.CreateDbContext();
        return (await db.Rounds.CountAsync(), await db.Rounds.CountAsync(r => r.CheckpointScannedAt != null),
            await db.Alerts.CountAsync(), await db.Rounds.CountAsync(r => r.Kind == RoundKind.Patrol));
    }

    /// <summary>The same code with its letters' case swapped (a database that ignores case must not match it).</summary>
    private static string Flip(string token) =>
        new(token.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
}
