using HallOps.Domain.Rounds;
using HallOps.Domain.Audit;
using HallOps.Domain.Calendar;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Seeding;

/// <summary>
/// Runs before the app takes requests: applies the migrations, creates the roles, seeds the
/// official calendar into an empty calendar, seeds the demo hall when asked, and makes sure an
/// administrator exists — from Hall:Bootstrap, never from a default password. Instances starting
/// together on one shared database take turns (<see cref="HallDatabaseLock"/>).
/// </summary>
public sealed class HallDatabaseSetup(
    HallDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<HallUser> users,
    DemoHallSeeder demo,
    IOptions<HallOptions> options,
    ILogger<HallDatabaseSetup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var actor = HallActor.Use(Actor.System("setup"));
        // Instances sharing a database (PostgreSQL, SQL Server) migrate and seed one at a time:
        // the second finds what the first did instead of doing it again. A database that does not
        // exist yet is created by the migration first (nothing to lock before that).
        var exists = !db.Database.IsRelational() || await db.Database.CanConnectAsync(cancellationToken);
        await using var seeding = exists
            ? await HallDatabaseLock.AcquireAsync(db, "hallops:setup", TimeSpan.FromMinutes(5), cancellationToken)
            : null;
        await db.Database.MigrateAsync(cancellationToken);
        await using var seedingAfterCreate = exists
            ? null
            : await HallDatabaseLock.AcquireAsync(db, "hallops:setup", TimeSpan.FromMinutes(5), cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Readers never wait for a writer; a second app instance on the same file stays responsive.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var role in HallRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!await db.CalendarDays.AnyAsync(cancellationToken))
        {
            db.CalendarDays.AddRange(OfficialHolidays.Load());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Working calendar seeded from the official holiday calendars");
        }

        // The default routines, each once by its code: a hall that has them keeps its own edits and
        // only gains the regulation items and templates added since (IT1, IT5, IT6).
        var added = await RoundDefaultsSetup.EnsureAsync(db, cancellationToken);
        if (added.Count > 0)
        {
            logger.LogInformation("Default rounds seeded: {Codes}", string.Join(", ", added));
        }

        if (options.Value.DemoSeed)
        {
            await demo.SeedAsync(cancellationToken);
        }

        await EnsureAdministratorAsync();
    }

    private async Task EnsureAdministratorAsync()
    {
        if ((await users.GetUsersInRoleAsync(HallRoles.Admin)).Count > 0)
        {
            return;
        }
        var bootstrap = options.Value.Bootstrap;
        if (string.IsNullOrWhiteSpace(bootstrap.AdminUser) || string.IsNullOrEmpty(bootstrap.AdminPassword))
        {
            throw new InvalidOperationException(
                "HallOps has no administrator. Start it once with Hall__Bootstrap__AdminUser and " +
                "Hall__Bootstrap__AdminPassword set (environment variables) to create one; no default account is ever made.");
        }
        var admin = new HallUser { UserName = bootstrap.AdminUser.Trim(), DisplayName = bootstrap.AdminUser.Trim() };
        var created = await users.CreateAsync(admin, bootstrap.AdminPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap administrator could not be created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, HallRoles.Admin);
        logger.LogWarning("Bootstrap administrator {User} created", admin.UserName);
    }
}
