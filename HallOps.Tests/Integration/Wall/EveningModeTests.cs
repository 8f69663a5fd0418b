using System.Collections.Concurrent;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Tests.Components;
using HallOps.Tests.Support;
using HallOps.Web;
using HallOps.Web.Wall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Integration.Wall;

/// <summary>
/// The wall's shared read model on a real SQLite database with a fake clock and the official
/// calendar (SE2.2, SE4, HY2): it turns to evening mode at closing by its own timer, set to that
/// instant — no saved change, no polling — and back to the day's wall before opening; on an
/// adjusted working Sunday the day runs until closing, on a holiday it is evening all day with no
/// shutdown checks; the clock alone moves a check not done to the guard and the pre-work checks
/// to missed; rounds, exceptions, guard shifts and hazard reports reach it as hall events.
/// The hall: <see cref="WallTestHall"/> (windows 1, 2, 3 on 一楼, 10 on 二楼 in service; 12 out of service).
/// </summary>
public sealed class EveningModeTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Generous: the model reads a real database, possibly while other tests load the machine.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly HallDatabaseFile _file = new();
    private readonly FakeTimeProvider _time = new(At(9, 1, 0));
    private readonly ConcurrentQueue<WallFrame> _frames = new();
    private ServiceProvider _services = null!;
    private WallTestHall _hall = null!;

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(Options.Create(new HallOptions()));
        services.AddSingleton(new HallEventFeed(NullLogger<HallEventFeed>.Instance));
        services.AddSingleton<HallSaveChangesInterceptor>();
        services.AddHallDbContext(_file.Provider, _file.ConnectionString);
        services.AddSingleton(new CalendarSettings(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), OpeningHours.Default));
        services.AddSingleton<CalendarSource>();
        services.AddSingleton(AlertTiming.Default);
        services.AddSingleton<CoverageMonitor>();
        services.AddSingleton<RoundPlanner>();
        services.AddSingleton<WallService>();
        services.AddSingleton<WallReadModel>();
        _services = services.BuildServiceProvider();

        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.CalendarDays.AddRange(OfficialHolidays.Load());
        foreach (var (template, schedule) in RoundDefaults.Create(active: true))
        {
            schedule.Template = template;
            db.RoundSchedules.Add(schedule);
        }
        await db.SaveChangesAsync();
        _hall = await WallTestHall.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _file.Dispose();
    }

    private IDbContextFactory<HallDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<HallDbContext>>();

    private WallReadModel Model => _services.GetRequiredService<WallReadModel>();

    [Fact]
    public async Task SE4_AtClosing_TheWallTurnsToEveningMode_ByItsTimerAtThatInstant_WithoutAnySavedChange()
    {
        // Thursday 26 November 2026, a working day; winter hours, closing 17:00.
        _time.SetUtcNow(At(11, 26, 16, 59));
        await PlanAsync(At(11, 26, 0), At(11, 27, 12));
        using var watch = Model.Watch(_frames.Enqueue);

        var day = await Model.GetAsync();
        Assert.Equal(WallMode.Day, day.Snapshot.Mode);
        Assert.Null(day.Snapshot.Evening);
        Assert.Equal(At(11, 26, 17), day.Snapshot.NextChangeAt);
        var reads = Model.Reads;

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(reads, Model.Reads); // nothing read before the instant
        _time.Advance(TimeSpan.FromSeconds(1));
        var evening = await FrameAsync(f => f.Snapshot.Mode == WallMode.Evening, "the evening at 17:00");

        var board = evening.Snapshot.Evening!;
        Assert.Equal(new DateOnly(2026, 11, 26), board.Night);
        // Shutdown checks due at closing, by 17:30: not done yet; window 12 is out of service and has none.
        Assert.Equal(ShutdownState.Pending, board.Windows[_hall.WindowIds[1]].State);
        Assert.Equal(At(11, 26, 17, 30), board.Windows[_hall.WindowIds[1]].At);
        Assert.Equal(ShutdownState.NoCheck, board.Windows[_hall.WindowIds[12]].State);
        Assert.Equal(new ShutdownCounts(SelfChecked: 0, Pending: 4, AwaitingGuard: 0, Verified: 0, Exceptions: 0, NoCheck: 1), board.Counts);
        // Tonight's rounds per floor, 21:00 and 23:30, not yet begun; nobody on duty.
        var ground = board.FloorOf(_hall.GroundFloorId)!;
        Assert.Equal([At(11, 26, 21), At(11, 26, 23, 30)], ground.Rounds.Select(r => r.DueFrom));
        Assert.All(ground.Rounds, r => Assert.Equal(EveningRoundState.Upcoming, r.State));
        Assert.Null(board.Guard);
        Assert.Equal(At(11, 26, 17, 30), evening.Snapshot.NextChangeAt);

        // 17:30: the checks not done are the guard's to verify — the clock alone moves them.
        _time.SetUtcNow(At(11, 26, 17, 30));
        var handed = await FrameAsync(f => f.Snapshot.Evening?.Counts.AwaitingGuard == 4, "the checks not done handed to the guard at 17:30");
        Assert.Equal(ShutdownState.AwaitingGuard, handed.Snapshot.Evening!.Windows[_hall.WindowIds[10]].State);
    }

    [Fact]
    public async Task SE4_HY2_BeforeOpening_TheWallLeavesEveningMode_AndListsThePreWorkChecksNotDone_RedOnceTheHallOpens()
    {
        _time.SetUtcNow(At(11, 26, 7, 59));
        await PlanAsync(At(11, 25, 12), At(11, 27, 0));
        using var watch = Model.Watch(_frames.Enqueue);
        var night = await Model.GetAsync();
        Assert.Equal(WallMode.Evening, night.Snapshot.Mode);
        Assert.Equal(new DateOnly(2026, 11, 25), night.Snapshot.Evening!.Night); // before noon: last night

        // 08:00, opening (08:30) less 30 minutes: the day's wall, with the pre-work self-checks due.
        _time.SetUtcNow(At(11, 26, 8));
        var morning = await FrameAsync(f => f.Snapshot.Mode == WallMode.BeforeOpening, "the wall before opening at 08:00");
        Assert.Null(morning.Snapshot.Evening);
        Assert.Equal([new WallHygieneWindow(1, false), new WallHygieneWindow(2, false), new WallHygieneWindow(3, false), new WallHygieneWindow(10, false)],
            morning.Snapshot.HygieneDue);

        // Window 2's clerk does the check: it leaves the strip (a round: event).
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var round = await db.Rounds.SingleAsync(r => r.Kind == RoundKind.HygieneSelfCheck && r.WindowId == _hall.WindowIds[2] && r.DueFrom == At(11, 26, 8));
            round.State = RoundState.Done;
            round.CompletedAt = _time.GetUtcNow();
            round.CompletedBy = "李静";
            await db.SaveChangesAsync();
        }
        await FrameAsync(f => f.Snapshot.HygieneDue.Count == 3, "window 2's check done");

        // 08:30, the hall opens: the checks not done are missed.
        _time.SetUtcNow(At(11, 26, 8, 30));
        var opened = await FrameAsync(f => f.Snapshot.Mode == WallMode.Day, "the day at 08:30");
        Assert.Equal([new WallHygieneWindow(1, true), new WallHygieneWindow(3, true), new WallHygieneWindow(10, true)], opened.Snapshot.HygieneDue);
    }

    [Fact]
    public async Task SE4_OnAnAdjustedWorkingSunday_TheDayRunsUntilClosing_ThenTheShutdownChecksShow()
    {
        // Sunday 20 September 2026 is a working day (国庆节 调休); summer hours, closing 17:30.
        _time.SetUtcNow(At(9, 20, 10));
        await PlanAsync(At(9, 20, 0), At(9, 21, 12));
        using var watch = Model.Watch(_frames.Enqueue);

        var day = await Model.GetAsync();
        Assert.Equal(WallMode.Day, day.Snapshot.Mode);
        Assert.Equal(At(9, 20, 12), day.Snapshot.NextChangeAt); // noon changes nothing shown, but the model looks again

        _time.SetUtcNow(At(9, 20, 17, 29));
        await FrameAsync(f => f.Snapshot.Mode == WallMode.Day && f.Snapshot.NextChangeAt == At(9, 20, 17, 30), "still the day at 17:29");
        _time.SetUtcNow(At(9, 20, 17, 30));
        var evening = await FrameAsync(f => f.Snapshot.Mode == WallMode.Evening, "the evening at 17:30");
        Assert.Equal(4, evening.Snapshot.Evening!.Counts.Pending);
        Assert.Equal(ShutdownState.Pending, evening.Snapshot.Evening.Windows[_hall.WindowIds[3]].State);

        // The Sunday before (13 September) is no working day: evening all day, nothing to shut down.
        Assert.Equal(WallMode.Evening, WallModes.ModeAt(At(9, 13, 10), await CalendarAsync(), 30));
    }

    [Fact]
    public async Task SE2_2_OnAHolidayEvening_NoWindowNeedsAShutdownCheck_TheGuardsRoundsStillShow()
    {
        // 1 October 2026 (国庆节), a Thursday the hall does not open: evening mode all day.
        _time.SetUtcNow(At(10, 1, 10));
        await PlanAsync(At(9, 30, 12), At(10, 2, 12));
        using var watch = Model.Watch(_frames.Enqueue);

        var morning = await Model.GetAsync();
        Assert.Equal(WallMode.Evening, morning.Snapshot.Mode);
        Assert.Equal(new DateOnly(2026, 9, 30), morning.Snapshot.Evening!.Night); // before noon: the working day's night before
        Assert.Equal(4, morning.Snapshot.Evening.Counts.Pending + morning.Snapshot.Evening.Counts.AwaitingGuard);

        _time.SetUtcNow(At(10, 1, 20));
        var evening = await FrameAsync(f => f.Snapshot.Evening?.Night == new DateOnly(2026, 10, 1), "the holiday's night from noon");
        var board = evening.Snapshot.Evening!;
        Assert.All(board.Windows.Values, w => Assert.Equal(ShutdownState.NoCheck, w.State));
        Assert.Equal(5, board.Counts.NoCheck);
        foreach (var floorId in new[] { _hall.GroundFloorId, _hall.UpperFloorId })
        {
            Assert.Equal([At(10, 1, 21), At(10, 1, 23, 30)], board.FloorOf(floorId)!.Rounds.Select(r => r.DueFrom));
        }
        Assert.Equal(0, board.FloorOf(_hall.GroundFloorId)!.WindowsToVerify);
        // At 21:00 the round is due; by 22:00 it is overdue; at 23:00 missed if nobody started it.
        Assert.Equal(At(10, 1, 21), evening.Snapshot.NextChangeAt);
        _time.SetUtcNow(At(10, 1, 22));
        var overdue = await FrameAsync(f => f.Snapshot.Evening?.FloorOf(_hall.GroundFloorId)?.Rounds[0].State == EveningRoundState.Overdue, "the 21:00 round overdue at 22:00");
        Assert.Equal(EveningRoundState.Upcoming, overdue.Snapshot.Evening!.FloorOf(_hall.GroundFloorId)!.Rounds[1].State);
    }

    [Fact]
    public async Task SE2_2_SE4_SE7_ShutdownVerification_Exceptions_GuardShifts_AndHazards_ReachTheWallAsHallEvents()
    {
        _time.SetUtcNow(At(11, 26, 21, 10));
        await PlanAsync(At(11, 26, 12), At(11, 27, 12));
        using var watch = Model.Watch(_frames.Enqueue);
        var first = await Model.GetAsync();
        Assert.Equal(4, first.Snapshot.Evening!.Counts.AwaitingGuard);

        // The guard takes over the shift.
        await ChangeAsync(db => db.GuardShifts.Add(new GuardShift { GuardUserId = "g1", GuardName = "马国强", StartedAt = At(11, 26, 8) }));
        var onDuty = await FrameAsync(f => f.Snapshot.Evening?.Guard is not null, "the guard on duty");
        Assert.Equal(new EveningGuard("马国强", At(11, 26, 8)), onDuty.Snapshot.Evening!.Guard);

        // Window 1 self-checked late, window 2 verified by the guard, window 3 verified as failed.
        await ChangeAsync(async db =>
        {
            var checks = await db.Rounds.Where(r => r.Kind == RoundKind.ShutdownCheck).ToDictionaryAsync(r => r.WindowId!.Value);
            var done = checks[_hall.WindowIds[1]];
            (done.State, done.CompletedAt, done.CompletedBy) = (RoundState.Late, At(11, 26, 18), "张晓明");
            var verified = checks[_hall.WindowIds[2]];
            (verified.VerifiedAt, verified.VerifiedBy, verified.VerifyResult) = (At(11, 26, 21, 5), "马国强", CheckResult.Pass);
            var failed = checks[_hall.WindowIds[3]];
            (failed.VerifiedAt, failed.VerifiedBy, failed.VerifyResult, failed.VerifyNote) = (At(11, 26, 21, 8), "马国强", CheckResult.Fail, "电脑未关机");
        });
        var checkedFrame = await FrameAsync(f => f.Snapshot.Evening?.Counts.Verified == 1, "the verification");
        var cards = checkedFrame.Snapshot.Evening!.Windows;
        Assert.Equal((ShutdownState.SelfChecked, "张晓明"), (cards[_hall.WindowIds[1]].State, cards[_hall.WindowIds[1]].By));
        Assert.Equal((ShutdownState.Verified, "马国强"), (cards[_hall.WindowIds[2]].State, cards[_hall.WindowIds[2]].By));
        Assert.Equal((ShutdownState.Exception, "电脑未关机"), (cards[_hall.WindowIds[3]].State, cards[_hall.WindowIds[3]].Note));
        Assert.Equal(ShutdownState.AwaitingGuard, cards[_hall.WindowIds[10]].State);
        var ground = checkedFrame.Snapshot.Evening.FloorOf(_hall.GroundFloorId)!;
        Assert.Equal((2, 2), (ground.WindowsVerified, ground.WindowsToVerify)); // windows 2 and 3 verified; 1 self-checked

        // An exception on the upper floor's round: listed, and window 10 counts as an exception tonight.
        var roundId = first.Snapshot.Evening.FloorOf(_hall.UpperFloorId)!.Rounds[0].Id;
        await ChangeAsync(db => db.RoundExceptions.Add(new RoundException
        {
            RoundId = roundId, WindowId = _hall.WindowIds[10], FloorId = _hall.UpperFloorId, Item = "各窗口电源已断", Note = "10号窗口打印机未断电",
            FoundAt = At(11, 26, 21, 9), FoundBy = "马国强",
        }));
        var excepted = await FrameAsync(f => f.Snapshot.Evening?.ExceptionTotal == 1, "the exception");
        var line = Assert.Single(excepted.Snapshot.Evening!.Exceptions);
        Assert.Equal((10, "企业开办", "二楼", "各窗口电源已断", "10号窗口打印机未断电", "马国强"),
            (line.WindowNumber, line.WindowName, line.FloorName, line.Item, line.Note, line.FoundBy));
        Assert.Equal(ShutdownState.Exception, excepted.Snapshot.Evening.Windows[_hall.WindowIds[10]].State);

        // A hazard report, then the shift ends with nobody taking over.
        await ChangeAsync(db => db.HazardReports.Add(new HazardReport
        {
            Kind = HazardKind.Incident, FloorId = _hall.GroundFloorId, Location = "一楼大厅", Description = "有人滞留", ReportedAt = At(11, 26, 21, 10), ReportedBy = "马国强",
        }));
        var hazard = await FrameAsync(f => f.Snapshot.Evening?.HazardTotal == 1, "the hazard report");
        Assert.Equal(("一楼大厅", HazardKind.Incident), (hazard.Snapshot.Evening!.Hazards[0].Location, hazard.Snapshot.Evening.Hazards[0].Kind));
        await ChangeAsync(async db => (await db.GuardShifts.SingleAsync()).EndedAt = _time.GetUtcNow());
        await FrameAsync(f => f.Snapshot.Evening is { Guard: null }, "nobody on duty");
    }

    [Theory]
    [InlineData("round:12", true)]
    [InlineData("exception:3", true)]
    [InlineData("guard-shift:1", true)]
    [InlineData("hazard:4", true)]
    [InlineData("window:2", true)]
    [InlineData("goods-out:1", false)]
    [InlineData("fire-equipment:1", false)]
    public void SE2_2_TheWallListensToRoundsExceptionsShiftsAndHazards(string subject, bool concerns) =>
        Assert.Equal(concerns, WallReadModel.Concerns(subject));

    private async Task PlanAsync(DateTimeOffset from, DateTimeOffset to) =>
        await _services.GetRequiredService<RoundPlanner>().PlanAsync(from, to);

    private Task<WorkingCalendar> CalendarAsync() => _services.GetRequiredService<CalendarSource>().GetAsync();

    private async Task ChangeAsync(Func<HallDbContext, Task> change)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await change(db);
        await db.SaveChangesAsync();
    }

    private Task ChangeAsync(Action<HallDbContext> change) => ChangeAsync(db =>
    {
        change(db);
        return Task.CompletedTask;
    });

    /// <summary>Waits for the first frame handed to the watching screens that matches.</summary>
    private async Task<WallFrame> FrameAsync(Func<WallFrame, bool> match, string because)
    {
        WallFrame? found = null;
        await Eventually.TrueAsync(() =>
        {
            found = _frames.LastOrDefault(match);
            return Task.FromResult(found is not null);
        }, Wait, because);
        return found!;
    }
}
