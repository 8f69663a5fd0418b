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
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHallDbContext>
{
    public SqliteHallDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHallDbContext>()
            .UseSqlite("Data Source=design-time.db", HallDatabase.Sqlite.Configure)
            .Options);
}
