using System.Security.Claims;
using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Jobs;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using HallOps.Web.Presence;
using Hangfire;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// The demo hall (xunit class fixture) on a clock the tests turn: it starts on Wednesday
/// 2026-11-25 at 10:00 in Beijing, a working day inside the winter morning session (08:30–12:00).
/// The minute scan runs on the same clock, so whatever it does agrees with the tests; the tests
/// begin once the scan the app runs at start has finished.
/// </summary>
public sealed class CoverageHall : IAsyncLifetime
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset WednesdayTen = new(2026, 11, 25, 10, 0, 0, Beijing);

    // Migrating and seeding a new database is most of an app's start: it is done once, and each
    // fixture starts on a copy. The template's clock stands at night, so its scan raises nothing.
    private static readonly Lazy<Task<HallDatabaseFile>> Template = new(SeedTemplateAsync);

    private readonly HallDatabaseFile _database = new();
    private HallAppFactory _factory = default!;

    public FakeTimeProvider Clock { get; } = new(WednesdayTen);

    /// <summary>Steps in between a read and a save of the app's data context (see <see cref="DataHook"/>).</summary>
    public DataHook Hook { get; } = new();

    /// <summary>The running app, with <see cref="Clock"/> as its <see cref="TimeProvider"/>.</summary>
    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public CoverageMonitor Monitor => App.Services.GetRequiredService<CoverageMonitor>();

    public async Task InitializeAsync()
    {
        _database.CopyFrom(await Template.Value);
        _factory = new HallAppFactory(_database);
        App = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (_database.Provider == HallDatabase.PostgreSql)
            {
                services.ConfigureDbContext<PostgreSqlHallDbContext>(options => options.AddInterceptors(Hook), ServiceLifetime.Singleton);
            }
            else
            {
                services.ConfigureDbContext<SqliteHallDbContext>(options => options.AddInterceptors(Hook), ServiceLifetime.Singleton);
            }
        }));
        _ = App.Server;
        if (!ReferenceEquals(App.Services.GetRequiredService<TimeProvider>(), Clock))
        {
            throw new InvalidOperationException("The app does not read the test clock: its TimeProvider registration was not replaced.");
        }
        await Eventually.TrueAsync(() => Task.FromResult(StartScanDone()), TimeSpan.FromSeconds(30),
            "the coverage scan the app runs at start has finished");
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>A short-lived context on the app's database (the app's own factory, never a second app).</summary>
    public HallDbContext CreateDbContext() =>
        App.Services.GetRequiredService<IDbContextFactory<HallDbContext>>().CreateDbContext();

    /// <summary>
    /// A service scope whose user is signed in as a circuit's would be, with the claims the app's
    /// sign-in gives: name, id, role and, for a member of staff, the staff id.
    /// </summary>
    public AsyncServiceScope SignedIn(string userName, string role, int? staffId = null)
    {
        var scope = App.Services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, userName),
            new(ClaimTypes.NameIdentifier, userName),
            new(ClaimTypes.Role, role),
        };
        if (staffId is { } id)
        {
            claims.Add(new Claim(HallClaimsPrincipalFactory.StaffIdClaim, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(
            new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test")))));
        return scope;
    }

    /// <summary>A scope signed in as a member of window staff, found by name in the demo register.</summary>
    public async Task<AsyncServiceScope> StaffAsync(string name, string? userName = null) =>
        SignedIn(userName ?? name, HallRoles.Staff, await StaffIdAsync(name));

    public async Task<int> StaffIdAsync(string name)
    {
        await using var db = CreateDbContext();
        return await db.StaffMembers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    /// <summary>
    /// The AB pair most coverage tests use, each signed in with their own presence service: 张晓明
    /// (account "staff", A of window 1) and 李静 (B of window 1, A of window 2).
    /// </summary>
    public async Task<AbPair> AbPairAsync()
    {
        var (post1, _) = await PostOfWindowAsync(1);
        var (post2, _) = await PostOfWindowAsync(2);
        return new AbPair(post1, post2, await StaffIdAsync("李静"), await StaffAsync("张晓明", "staff"), await StaffAsync("李静"));
    }

    public sealed record AbPair(int Post1, int Post2, int BId, AsyncServiceScope AScope, AsyncServiceScope BScope) : IAsyncDisposable
    {
        public PresenceService A => AScope.ServiceProvider.GetRequiredService<PresenceService>();

        public PresenceService B => BScope.ServiceProvider.GetRequiredService<PresenceService>();

        public async ValueTask DisposeAsync()
        {
            await AScope.DisposeAsync();
            await BScope.DisposeAsync();
        }
    }

    /// <summary>The one post of a demo window, and the window's id.</summary>
    public async Task<(int PostId, int WindowId)> PostOfWindowAsync(int number)
    {
        await using var db = CreateDbContext();
        var post = await db.Posts.Where(p => p.Window!.Number == number).Select(p => new { p.Id, p.WindowId }).SingleAsync();
        return (post.Id, post.WindowId);
    }

    /// <summary>The open alert of a kind for a post, if there is one (there can be at most one).</summary>
    public async Task<Alert?> OpenAlertAsync(string kind, int postId)
    {
        await using var db = CreateDbContext();
        var subject = HallSubjects.Post(postId);
        return await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.IsOpen && a.Kind == kind && a.Subject == subject);
    }

    public async Task<Alert> AlertAsync(long id)
    {
        await using var db = CreateDbContext();
        return await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>Every open coverage alert (gap and take-over).</summary>
    public async Task<List<Alert>> OpenCoverageAlertsAsync()
    {
        await using var db = CreateDbContext();
        return await db.Alerts.AsNoTracking()
            .Where(a => a.IsOpen && (a.Kind == AlertKinds.CoverageGap || a.Kind == AlertKinds.TakeOver))
            .ToListAsync();
    }

    /// <summary>"post:{id}" of every post of every active window.</summary>
    public async Task<List<string>> ActivePostSubjectsAsync()
    {
        await using var db = CreateDbContext();
        var ids = await db.Posts.Where(p => p.Window!.IsActive).Select(p => p.Id).ToListAsync();
        return ids.Select(HallSubjects.Post).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the scan enqueued at start has run (succeeded or failed): the tests begin after it.</summary>
    private bool StartScanDone()
    {
        var monitoring = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return monitoring.SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(CoverageScanJob))
            || monitoring.FailedJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(CoverageScanJob));
    }

    private static async Task<HallDatabaseFile> SeedTemplateAsync()
    {
        var template = new HallDatabaseFile();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        var night = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, Beijing));
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
