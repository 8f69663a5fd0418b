using System.Security.Claims;
using HallOps.Domain.Alerts;
using HallOps.Domain.Identity;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Jobs;
using HallOps.Tests.Support;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// The demo hall on a clock the tests turn, for the deadline scan (TL5): it starts on Wednesday
/// 2026-11-25 at 10:00 in Beijing (winter hours, closing 17:00). Matters and cases are written
/// directly, their clocks set by <see cref="CaseWorkflow.Recompute"/> as intake sets them. One hall
/// per test (the clock only moves forward); each starts on a copy of one seeded database. The app's
/// minute scan is taken off its schedule once its start-up run has finished: the tests run the scans.
/// </summary>
public sealed class DeadlineHall : IAsyncDisposable
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset WednesdayTen = new(2026, 11, 25, 10, 0, 0, Beijing);

    private static readonly Lazy<Task<HallDatabaseFile>> Template = new(SeedTemplateAsync);

    private readonly HallDatabaseFile _database = new();
    private HallAppFactory _factory = default!;

    private DeadlineHall()
    {
    }

    public FakeTimeProvider Clock { get; } = new(WednesdayTen);

    public WebApplicationFactory<Program> App { get; private set; } = default!;

    public CaseDeadlineScanner Scanner => App.Services.GetRequiredService<CaseDeadlineScanner>();

    public HallEventFeed Feed => App.Services.GetRequiredService<HallEventFeed>();

    public static async Task<DeadlineHall> StartAsync()
    {
        var hall = new DeadlineHall();
        hall._database.CopyFrom(await Template.Value);
        hall._factory = new HallAppFactory(hall._database);
        hall.App = hall._factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(hall.Clock)));
        _ = hall.App.Server;
        await Eventually.TrueAsync(() => Task.FromResult(hall.StartScanDone()), TimeSpan.FromSeconds(30),
            "the deadline scan the app runs at start has finished");
        // From here the tests run every scan. A case accepted with one committed day is yellow at
        // once; a minute scan firing between its intake and the test's turn of the clock would raise
        // a due-soon alert the test never meant to see.
        await HallJobs.TakeOffAsync(hall.App.Services, (CaseDeadlineScanJob.Id, typeof(CaseDeadlineScanJob)));
        return hall;
    }

    public HallDbContext CreateDbContext() => App.Services.GetRequiredService<IDbContextFactory<HallDbContext>>().CreateDbContext();

    /// <summary>A second scanner, as a second app instance on the same database would have.</summary>
    public CaseDeadlineScanner SecondInstanceScanner() => ActivatorUtilities.CreateInstance<CaseDeadlineScanner>(App.Services);

    public Task<WorkingCalendar> CalendarAsync() => App.Services.GetRequiredService<CalendarSource>().GetAsync();

    /// <summary>An accepted case of a matter with <paramref name="committedDays"/>, at a window, handled by a demo member of staff.</summary>
    public Task<long> AddCaseAsync(DateTimeOffset acceptedAt, int committedDays = 2, int window = 1, string handler = "张晓明", string applicant = "王小明") =>
        DeadlineCases.AddAsync(App.Services, acceptedAt, committedDays, window, handler, applicant);

    /// <summary>A service scope signed in as a demo member of staff (role Staff, with the staff id claim), as a circuit's would be.</summary>
    public async Task<AsyncServiceScope> StaffScopeAsync(string name)
    {
        int staffId;
        await using (var db = CreateDbContext())
        {
            staffId = await db.StaffMembers.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
        }
        var scope = App.Services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.NameIdentifier, name),
            new(ClaimTypes.Role, HallRoles.Staff),
            new(HallClaimsPrincipalFactory.StaffIdClaim, staffId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(
            new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test")))));
        return scope;
    }

    public async Task<ServiceCase> CaseAsync(long id)
    {
        await using var db = CreateDbContext();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Every alert ever raised for a case, oldest first.</summary>
    public async Task<List<Alert>> AlertsOfAsync(long caseId)
    {
        await using var db = CreateDbContext();
        var subject = HallSubjects.Case(caseId);
        return await db.Alerts.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<List<HallOps.Domain.Accountability.DerelictionRecord>> DraftsOfAsync(long caseId)
    {
        await using var db = CreateDbContext();
        return await db.DerelictionRecords.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private bool StartScanDone()
    {
        var monitoring = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return monitoring.SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(CaseDeadlineScanJob))
            || monitoring.FailedJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(CaseDeadlineScanJob));
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
