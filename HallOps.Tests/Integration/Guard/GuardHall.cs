using System.Security.Claims;
using Hangfire;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Integration.Guard;

/// <summary>
/// The demo hall (xunit class fixture) at night: Thursday 2026-11-26, 21:05 in Beijing, five minutes
/// into the first evening round (SE2.2). The day's rounds are planned from the default schedules —
/// each window's shutdown check at 17:00, each floor's evening round at 21:00 and 23:30.
/// </summary>
public sealed class GuardHall : IAsyncLifetime
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset Evening = new(2026, 11, 26, 21, 5, 0, Beijing);

    private readonly HallDatabaseFile _database = new();

    public FakeTimeProvider Clock { get; } = new(Evening);

    public HallAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App = new HallAppFactory(_database, services: services => services.AddSingleton<TimeProvider>(Clock));
        _ = App.Server;
        await App.Services.GetRequiredService<RoundPlanner>()
            .PlanAsync(new DateTimeOffset(2026, 11, 26, 0, 0, 0, Beijing), new DateTimeOffset(2026, 11, 27, 12, 0, 0, Beijing));
        // The app runs its jobs once at start (the round plan among them, which plans the days ahead):
        // the tests begin once those have run, so that no count moves under a test's feet.
        var monitoring = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => Task.FromResult(monitoring.EnqueuedCount("default") == 0 && monitoring.ProcessingCount() == 0),
            TimeSpan.FromSeconds(60), "the jobs run at start have finished");
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }

    public HallDbContext CreateDbContext() => App.CreateDbContext();

    /// <summary>A service scope signed in as a circuit's would be: account name and id, role, and the person's name as the app shows it.</summary>
    public AsyncServiceScope SignedIn(string userName, string role, string? displayName = null)
    {
        var scope = App.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.NameIdentifier, userName), new Claim(ClaimTypes.Role, role),
                new Claim(HallClaimsPrincipalFactory.DisplayNameClaim, displayName ?? userName),
            ],
            authenticationType: "test");
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        return scope;
    }

    /// <summary>The evening round of a floor (by level) at 21:00 tonight.</summary>
    public async Task<RoundInstance> EveningRoundAsync(int level)
    {
        await using var db = CreateDbContext();
        var at = new DateTimeOffset(2026, 11, 26, 21, 0, 0, Beijing);
        var floorId = await db.Floors.Where(f => f.Level == level).Select(f => f.Id).SingleAsync();
        return await db.Rounds.AsNoTracking().SingleAsync(r => r.Kind == RoundKind.EveningRound && r.DueFrom == at && r.FloorId == floorId);
    }

    /// <summary>
    /// Marks windows' shutdown checks as self-checked at 17:05 (SE4), before any closing reminder or
    /// hand-over to the guard: the app's own minutely shutdown job may already have reminded and
    /// handed them over at the fixture's 21:05, and that is undone here. The version moves on, so a
    /// round monitor that read them before cannot write them back as missed.
    /// </summary>
    public static Task<int> SelfCheckedAsync(HallDbContext db, IReadOnlyCollection<long> shutdownRoundIds, string by) =>
        db.Rounds.Where(r => shutdownRoundIds.Contains(r.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.State, RoundState.Done)
            .SetProperty(r => r.CompletedAt, new DateTimeOffset(2026, 11, 26, 17, 5, 0, Beijing))
            .SetProperty(r => r.CompletedBy, by)
            .SetProperty(r => r.Score, 100)
            .SetProperty(r => r.NextCheckAt, (DateTimeOffset?)null)
            .SetProperty(r => r.RemindedAt, (DateTimeOffset?)null)
            .SetProperty(r => r.HandedToGuardAt, (DateTimeOffset?)null)
            .SetProperty(r => r.Version, r => r.Version + 1));

    public async Task<Checkpoint> CheckpointAsync(string name)
    {
        await using var db = CreateDbContext();
        return await db.Checkpoints.AsNoTracking().SingleAsync(c => c.Name == name);
    }
}
