using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HallOps.Domain.Persistence;

/// <summary>
/// PostgreSQL (and the engines that speak its protocol: KingbaseES, openGauss). Npgsql stores a
/// <see cref="DateTimeOffset"/> as <c>timestamp with time zone</c> and refuses any offset but
/// zero, so every instant is converted to UTC on the way in; it reads back as the same instant
/// with offset zero, as on SQLite. The identifiers of <see cref="CaseInsensitiveText"/> are
/// <c>citext</c>.
/// </summary>
public sealed class PostgreSqlHallDbContext(DbContextOptions<PostgreSqlHallDbContext> options) : HallDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL's boolean compares with true, not 1.
        FiltersTestFlagsBare(builder);
        builder.HasPostgresExtension("citext");
        CaseInsensitiveText.Apply(builder, property => property.SetColumnType("citext"));
    }
}

/// <summary>An instant at offset zero: the same moment, as PostgreSQL's timestamptz wants it.</summary>
public sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());

public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlHallDbContext>
{
    public PostgreSqlHallDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlHallDbContext>()
            .UseNpgsql("Host=design-time;Database=hallops;Username=hallops", HallDatabase.PostgreSql.Configure)
            .Options);
}
