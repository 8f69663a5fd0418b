using HallOps.Domain.Calendar;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Tests.Support;
using HallOps.Web.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Integration;

[Collection(WebCollection.Name)]
public sealed class StartupTests : IDisposable
{
    private readonly HallDatabaseFile _database = new();

    // About the SQLite file itself: the PostgreSQL leg runs the same migrations through every other test.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Start_AppliesEveryMigrationToAnEmptySqliteFile()
    {
        await using var app = new HallAppFactory(_database);
        _ = app.Server;

        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.True(File.Exists(_database.Path));
    }

    [Fact]
    public async Task DemoSeed_LooksLikeACountyHall_AndIsSeededOnce()
    {
        Dictionary<string, int> counts;
        await using (var first = new HallAppFactory(_database))
        {
            _ = first.Server;
            counts = await CountsAsync(first);
        }
        await using var second = new HallAppFactory(_database);
        _ = second.Server;

        Assert.Equal(counts, await CountsAsync(second));
        Assert.Equal(2, counts["floors"]);
        Assert.Equal(24, counts["windows"]);
        Assert.InRange(counts["staff"], 38, 50);
        Assert.Equal(DemoHallSeeder.Accounts.Count, counts["users"]);

        await using var db = second.CreateDbContext();
        var names = await db.Windows.Select(w => w.Name).ToListAsync();
        Assert.Contains("不动产登记", names);
        Assert.Contains("婚姻登记", names);
        Assert.Contains("企业开办", names);
        // AB1: every post has an A; exactly one window was left without a B, on purpose.
        var posts = await db.Posts.Select(p => new
        {
            p.Window!.Number,
            A = p.Holders.Count(h => h.Role == HallOps.Domain.Staffing.PostRole.A),
            B = p.Holders.Count(h => h.Role == HallOps.Domain.Staffing.PostRole.B),
        }).ToListAsync();
        Assert.All(posts, p => Assert.Equal(1, p.A));
        Assert.Equal([DemoHallSeeder.WindowWithoutBackup], posts.Where(p => p.B == 0).Select(p => p.Number));
    }

    // Two instances of a scaled-out hall starting together on one new shared database (PostgreSQL,
    // SQL Server) take turns at seeding: one hall, one calendar, one set of roles and accounts.
    // SQLite is the one-instance embedded mode, where nothing starts beside it.
    [SkippableFact]
    [Trait("Database", "PostgreSqlOnly")]
    public async Task TwoInstancesStartingTogether_OnOneNewSharedDatabase_SeedTheHallOnce()
    {
        Skip.If(_database.Provider == HallDatabase.Sqlite, "SQLite is the one-instance embedded mode; the PostgreSQL leg runs this test.");
        await using var first = new HallAppFactory(_database);
        await using var second = new HallAppFactory(_database);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        var counts = await CountsAsync(first);
        Assert.Equal(counts, await CountsAsync(second));
        Assert.Equal(24, counts["windows"]);
        Assert.Equal(DemoHallSeeder.Accounts.Count, counts["users"]);
        Assert.Equal(HallRoles.All.Count, counts["roles"]);
        await using var db = first.CreateDbContext();
        Assert.Equal(await db.CalendarDays.Select(d => d.Date).Distinct().CountAsync(), counts["calendar"]);
    }

    [Fact]
    public async Task Start_SeedsTheOfficialCalendar_WithAdjustedWorkdays()
    {
        await using var app = new HallAppFactory(_database, demoSeed: false, settings: Bootstrap);
        _ = app.Server;

        await using var db = app.CreateDbContext();
        var springFestivalSaturday = await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 2, 14));
        Assert.Equal(CalendarDayKind.AdjustedWorkday, springFestivalSaturday.Kind);
        Assert.Equal(CalendarDayKind.Holiday, (await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 10, 1))).Kind);
    }

    [Fact]
    public async Task ProductionStart_WithoutAdmin_RefusesToRun_AndCreatesNoAccount()
    {
        await using var app = new HallAppFactory(_database, demoSeed: false);

        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        Assert.Contains("Hall__Bootstrap__AdminUser", error.ToString());

        await using var db = new HallAppFactory(_database, demoSeed: false, settings: Bootstrap).CreateDbContextWithoutStart();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task ProductionStart_WithBootstrapValues_CreatesExactlyThatAdministrator()
    {
        await using var app = new HallAppFactory(_database, demoSeed: false, settings: Bootstrap);
        _ = app.Server;

        await using var db = app.CreateDbContext();
        var users = await db.Users.Select(u => u.UserName).ToListAsync();
        Assert.Equal(["chief-admin"], users);
        var adminRole = await db.Roles.SingleAsync(r => r.Name == HallRoles.Admin);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.RoleId == adminRole.Id));
        Assert.Equal(0, await db.Windows.CountAsync());
    }

    private static readonly Dictionary<string, string?> Bootstrap = new()
    {
        ["Hall:Bootstrap:AdminUser"] = "chief-admin",
        ["Hall:Bootstrap:AdminPassword"] = "Bootstrap-Secret-1",
    };

    private static async Task<Dictionary<string, int>> CountsAsync(HallAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return new Dictionary<string, int>
        {
            ["floors"] = await db.Floors.CountAsync(),
            ["units"] = await db.HomeUnits.CountAsync(),
            ["windows"] = await db.Windows.CountAsync(),
            ["staff"] = await db.StaffMembers.CountAsync(),
            ["posts"] = await db.Posts.CountAsync(),
            ["holders"] = await db.PostHolders.CountAsync(),
            ["calendar"] = await db.CalendarDays.CountAsync(),
            ["users"] = await db.Users.CountAsync(),
            ["roles"] = await db.Roles.CountAsync(),
        };
    }

    public void Dispose() => _database.Dispose();
}
