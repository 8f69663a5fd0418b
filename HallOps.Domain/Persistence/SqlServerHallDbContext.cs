using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HallOps.Domain.Persistence;

/// <summary>The production database: SQL Server keeps <see cref="DateTimeOffset"/> natively.</summary>
public sealed class SqlServerHallDbContext(DbContextOptions<SqlServerHallDbContext> options) : HallDbContext(options);

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerHallDbContext>
{
    public SqlServerHallDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerHallDbContext>()
            .UseSqlServer("Server=design-time;Database=HallOps;Trusted_Connection=True;TrustServerCertificate=True", HallDatabase.SqlServer.Configure)
            .Options);
}
