using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Tests.Components;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Integration.Rounds;

/// <summary>
/// The round engine on a real SQLite database with a fake clock (SE2.2, SE4, HY2): the default
/// routines planned from their schedules once per occurrence and place, whatever retries do; a
/// shutdown check not done by its due-by line alerts once, a missed one is missed and alerts once;
/// a completed one clears its alert. The hall: four windows in service on two floors.
/// </summary>
public sealed class RoundEngineTests : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly HallDatabaseFile _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, Beijing));
    private ServiceProvider _services = null!;
    private WallTestHall _hall = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(new HallEventFeed(NullLogger<HallEventFeed>.Instance));
        services.AddSingleton<HallSaveChangesInterceptor>();
        services.AddHallDbContext(_file.Provider, _file.ConnectionString);
        services.AddSingleton(new CalendarSettings(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), OpeningHours.Default));
        services.AddSingleton<CalendarSource>();
        services.AddSingleton<RoundPlanner>();
        services.AddSingleton<RoundMonitor>();
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

    private RoundPlanner Planner => _services.GetRequiredService<RoundPlanner>();

    private RoundMonitor Monitor => _services.GetRequiredService<RoundMonitor>();

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    [Fact]
    public async Task SE4_SE2_HY2_ADaysRoundsArePlannedOncePerPlace_EvenWhenPlanningRunsTwice()
    {
        var added = await Planner.PlanAsync(At(11, 26, 0), At(11, 27, 0));
        var again = await Planner.PlanAsync(At(11, 26, 0), At(11, 27, 0));

        await using var db = await Contexts.CreateDbContextAsync();
        var rounds = await db.Rounds.AsNoTracking().ToListAsync();
        Assert.Equal(rounds.Count, added);
        Assert.Equal(0, again);
        // Four windows in service: a shutdown check and a hygiene self-check each; two floors, two evening rounds each.
        Assert.Equal(4, rounds.Count(r => r.Kind == RoundKind.ShutdownCheck));
        Assert.Equal(4, rounds.Count(r => r.Kind == RoundKind.HygieneSelfCheck));
        Assert.Equal(4, rounds.Count(r => r.Kind == RoundKind.EveningRound));
        Assert.DoesNotContain(rounds, r => r.WindowId == _hall.WindowIds[12]); // out of service
        var shutdown = rounds.First(r => r.Kind == RoundKind.ShutdownCheck);
        Assert.Equal((At(11, 26, 17), At(11, 26, 17, 30), At(11, 26, 18, 30)), (shutdown.DueFrom, shutdown.DueBy, shutdown.MissedAt));
        Assert.Equal(["Guard"], rounds.Where(r => r.Kind == RoundKind.EveningRound).Select(r => r.AssigneeRole).Distinct());
    }

    [Fact]
    public async Task SE4_OnAHoliday_NoShutdownCheckIsPlanned_TheGuardsRoundsStill()
    {
        await Planner.PlanAsync(At(10, 1, 0), At(10, 2, 0));

        await using var db = await Contexts.CreateDbContextAsync();
        var kinds = await db.Rounds.AsNoTracking().Select(r => r.Kind).ToListAsync();
        Assert.Equal([RoundKind.EveningRound], kinds.Distinct());
        Assert.Equal(4, kinds.Count);
    }

    [Fact]
    public async Task SE4_AShutdownCheckNotDone_AlertsOnceWhenOverdue_IsMissedLater_AndADoneOneClearsItsAlert()
    {
        await Planner.PlanAsync(At(11, 26, 0), At(11, 27, 0));

        _time.SetUtcNow(At(11, 26, 17, 31));
        await Monitor.CheckAsync();
        await Monitor.CheckAsync();
        Assert.Equal(4, (await OpenAlertsAsync(AlertKinds.RoundOverdue)).Count);

        // Window 1's clerk does the check, late: the round is late, its alert clears.
        long done;
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var round = await db.Rounds.Include(r => r.Template!).ThenInclude(t => t.Items)
                .SingleAsync(r => r.Kind == RoundKind.ShutdownCheck && r.WindowId == _hall.WindowIds[1]);
            var items = round.Template!.Items.OrderBy(i => i.Order).ToList();
            var problem = RoundWork.Complete(round, items,
                items.Select(i => (new CheckEntry(i.Order, CheckResult.Pass, null, false), (string?)null)).ToList(),
                _time.GetUtcNow(), "staff", null);
            Assert.Null(problem);
            await db.SaveChangesAsync();
            done = round.Id;
            Assert.Equal((RoundState.Late, 100), (round.State, round.Score));
        }
        await Monitor.CheckAsync();
        Assert.DoesNotContain(await OpenAlertsAsync(AlertKinds.RoundOverdue), a => a.Subject == HallSubjects.Round(done));
        Assert.Equal(3, (await OpenAlertsAsync(AlertKinds.RoundOverdue)).Count);

        _time.SetUtcNow(At(11, 26, 18, 30));
        await Monitor.CheckAsync();
        await Monitor.CheckAsync();

        await using var check = await Contexts.CreateDbContextAsync();
        var shutdown = await check.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.ShutdownCheck).ToListAsync();
        Assert.Equal(3, shutdown.Count(r => r.State == RoundState.Missed));
        Assert.Empty(await OpenAlertsAsync(AlertKinds.RoundOverdue));
        // The three unfinished shutdown checks are missed (so are the morning's hygiene checks nobody did).
        var shutdownSubjects = shutdown.Select(r => HallSubjects.Round(r.Id)).ToHashSet();
        var missed = (await OpenAlertsAsync(AlertKinds.RoundMissed)).Where(a => shutdownSubjects.Contains(a.Subject)).ToList();
        Assert.Equal(3, missed.Count);
        Assert.Equal(4, (await OpenAlertsAsync(AlertKinds.RoundMissed)).Count - missed.Count);
        Assert.All(missed, a => Assert.Equal(AlertSeverity.Critical, a.Severity));
        Assert.Null(await check.Rounds.AsNoTracking().Where(r => r.Id == done).Select(r => r.NextCheckAt).SingleAsync());
    }

    [Fact]
    public async Task SE4_ACompletionWithAFailAndNoNote_IsRefused_AndChangesNothing()
    {
        await Planner.PlanAsync(At(11, 26, 0), At(11, 27, 0));
        _time.SetUtcNow(At(11, 26, 17, 5));

        await using var db = await Contexts.CreateDbContextAsync();
        var round = await db.Rounds.Include(r => r.Template!).ThenInclude(t => t.Items)
            .FirstAsync(r => r.Kind == RoundKind.ShutdownCheck);
        var items = round.Template!.Items.OrderBy(i => i.Order).ToList();
        var entries = items.Select(i => (new CheckEntry(i.Order, i.Order == 3 ? CheckResult.Fail : CheckResult.Pass, null, false), (string?)null)).ToList();

        Assert.Equal(RoundProblem.FailWithoutNote, RoundWork.Complete(round, items, entries, _time.GetUtcNow(), "staff", null));
        Assert.Equal(RoundState.Due, round.State);
        Assert.Empty(round.Checks);
        Assert.Null(round.CompletedAt);
    }

    private async Task<List<Alert>> OpenAlertsAsync(string kind)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Kind == kind).ToListAsync();
    }
}
