using System.Globalization;
using System.Security.Claims;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Jobs;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using Hangfire;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Integration.Rounds;

/// <summary>
/// The demo hall (24 windows on two floors, default round schedules on) on a real SQLite file and a
/// clock the tests turn, for the closing routine (SE4, SE5, IT7, SE2.2): it starts on Thursday
/// 2026-11-26 at 16:00 in Beijing (winter hours, closing 17:00). The app's own minute jobs for the
/// closing routine and the round monitor are taken off its schedule, so the tests decide when they
/// run. 张晓明 (the demo "staff" account) is A of window 1 and B of window 2; 李静 is A of window 2
/// and B of window 1; 王建华 is A of window 3. One hall per test, each on a copy of one seeded database.
/// </summary>
public sealed class ClosingHall : IAsyncDisposable
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly Lazy<Task<HallDatabaseFile>> Template = new(SeedTemplateAsync);

    private readonly HallDatabaseFile _database = new();
    private HallAppFactory _factory = default!;

    private ClosingHall()
    {
    }

    public FakeTimeProvider Clock { get; } = new(At(11, 26, 16));

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public ShutdownRoutine Routine => App.Services.GetRequiredService<ShutdownRoutine>();

    public RoundMonitor Monitor => App.Services.GetRequiredService<RoundMonitor>();

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    public static async Task<ClosingHall> StartAsync()
    {
        var hall = new ClosingHall();
        hall._database.CopyFrom(await Template.Value);
        hall._factory = new HallAppFactory(hall._database);
        hall.App = hall._factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(hall.Clock)));
        _ = hall.App.Server;
        // The app also enqueues the closing routine once at start. On a slow queue (PostgreSQL polls it)
        // that run could start after a test has turned the clock to 17:10 and send the reminders the
        // test means its own runs to send (at 16:00 it owes nothing, so a run under way is waited for).
        await HallJobs.TakeOffAsync(hall.App.Services,
            (ShutdownReminderJob.Id, typeof(ShutdownReminderJob)), (RoundMonitorJob.Id, typeof(RoundMonitorJob)));
        // Thursday and Friday's rounds, whatever the planning job the app runs at start has done.
        await hall.App.Services.GetRequiredService<RoundPlanner>().PlanAsync(At(11, 26, 0), At(11, 28, 0));
        return hall;
    }

    public HallDbContext CreateDbContext() => App.Services.GetRequiredService<IDbContextFactory<HallDbContext>>().CreateDbContext();

    /// <summary>A second routine, as a second app instance on the same database would have.</summary>
    public ShutdownRoutine SecondInstanceRoutine() => ActivatorUtilities.CreateInstance<ShutdownRoutine>(App.Services);

    /// <summary>A service scope signed in as a demo member of staff (role Staff, with the staff id claim), as a circuit's would be.</summary>
    public async Task<AsyncServiceScope> StaffScopeAsync(string name)
    {
        await using var db = CreateDbContext();
        var staffId = await db.StaffMembers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
        return Scope(name, HallRoles.Staff, staffId);
    }

    public AsyncServiceScope GuardScope() => Scope("马国强", HallRoles.Guard, null);

    public AsyncServiceScope ManagerScope() => Scope("周建国", HallRoles.Manager, null);

    /// <summary>The shutdown check of a window on a day, as stored.</summary>
    public async Task<RoundInstance> ShutdownOfAsync(int windowNumber, int day = 26)
    {
        await using var db = CreateDbContext();
        var windowId = await db.Windows.Where(w => w.Number == windowNumber).Select(w => w.Id).SingleAsync();
        var from = At(11, day, 0);
        var to = At(11, day + 1, 0);
        return await db.Rounds.AsNoTracking()
            .SingleAsync(r => r.Kind == RoundKind.ShutdownCheck && r.WindowId == windowId && r.DueFrom >= from && r.DueFrom < to);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private AsyncServiceScope Scope(string name, string role, int? staffId)
    {
        var scope = App.Services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.NameIdentifier, name),
            new(ClaimTypes.Role, role),
            new(HallClaimsPrincipalFactory.DisplayNameClaim, name),
        };
        if (staffId is { } id)
        {
            claims.Add(new Claim(HallClaimsPrincipalFactory.StaffIdClaim, id.ToString(CultureInfo.InvariantCulture)));
        }
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(
            new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test")))));
        return scope;
    }

    private static async Task<HallDatabaseFile> SeedTemplateAsync()
    {
        var template = new HallDatabaseFile();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        var night = new FakeTimeProvider(At(11, 26, 3));
        await using var factory = new HallAppFactory(template);
        await using var app = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(night)));
        _ = app.Server;
        await app.DisposeAsync();
        await factory.DisposeAsync();
        template.PrepareAsTemplate();
        return template;
    }
}
