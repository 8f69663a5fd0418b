using HallOps.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HallOps.Domain.Persistence;

/// <summary>
/// The embedded default. SQLite cannot order or compare <see cref="DateTimeOffset"/> in SQL, so
/// instants are stored as UTC ticks (an integer both sortable and exact).
/// </summary>
public sealed class SqliteHallDbContext(DbContextOptions<SqliteHallDbContext> options) : HallDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        CaseInsensitiveText.Apply(builder, property => property.SetCollation("NOCASE"));
        // SQLite uses a partial index only for a query whose WHERE holds the index's own term, and
        // EF Core tests a flag as the bare column ("a"."IsOpen"), never "IsOpen" = 1.
        FiltersTestFlagsBare(builder);
        // Open alerts newest first (every alert list, the escalation and reconciliation scans): a
        // partial index of the open ones. SQLite cannot search (IsOpen, RaisedAt) on a bare flag
        // test, so every such query read all the alerts ever raised, a number that only grows.
        var alerts = builder.Entity<Alert>().Metadata;
        alerts.RemoveIndex(alerts.FindIndex([alerts.FindProperty(nameof(Alert.IsOpen))!, alerts.FindProperty(nameof(Alert.RaisedAt))!])!);
        builder.Entity<Alert>().HasIndex(a => a.RaisedAt).HasFilter("\"IsOpen\"").HasDatabaseName("IX_Alerts_Open_RaisedAt");
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHallDbContext>
{
    public SqliteHallDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHallDbContext>()
            .UseSqlite("Data Source=design-time.db", HallDatabase.Sqlite.Configure)
            .Options);
}
