using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HallOps.Domain.Persistence;

/// <summary>
/// The databases HallOps runs on. Each has a context subclass and its own migrations folder
/// (Persistence/Migrations/&lt;Name&gt;); adding one means a subclass, a migrations
/// folder and an entry here.
/// </summary>
public sealed record HallDatabase(string Name, Type ContextType)
{
    public static readonly HallDatabase Sqlite = new("Sqlite", typeof(SqliteHallDbContext));
    public static readonly HallDatabase SqlServer = new("SqlServer", typeof(SqlServerHallDbContext));

    public static readonly HallDatabase PostgreSql = new("PostgreSql", typeof(PostgreSqlHallDbContext));

    public static IReadOnlyList<HallDatabase> All { get; } = [Sqlite, SqlServer, PostgreSql];

    public static HallDatabase Named(string? name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException(
            $"Unknown database provider '{name}'. Use one of: {string.Join(", ", All.Select(d => d.Name))}.");

    /// <summary>Migrations live beside the model, one folder per provider.</summary>
    public void Configure<TBuilder, TExtension>(RelationalDbContextOptionsBuilder<TBuilder, TExtension> builder)
        where TBuilder : RelationalDbContextOptionsBuilder<TBuilder, TExtension>
        where TExtension : RelationalOptionsExtension, new() =>
        builder.MigrationsAssembly(typeof(HallDatabase).Assembly.GetName().Name);

    /// <summary>Points an options builder at this database.</summary>
    public DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) => Name switch
    {
        "Sqlite" => options.UseSqlite(connectionString, Configure).AddInterceptors(SqliteBusyTimeout.Instance, SqliteWriteGate.For(connectionString)),
        "SqlServer" => options.UseSqlServer(connectionString, Configure),
        "PostgreSql" => options.UseNpgsql(connectionString, npgsql =>
        {
            npgsql.MigrationsAssembly(typeof(HallDatabase).Assembly.GetName().Name);
            // Npgsql's default strategy wraps a transient error (a serialization failure of a
            // serializable transaction, a deadlock) in an InvalidOperationException; the services
            // catch DbUpdateException / DbException and answer with a clear message, as on the
            // other databases, so the error is left as it is.
            npgsql.ExecutionStrategy(dependencies => new NonRetryingExecutionStrategy(dependencies));
        }),
        _ => throw new InvalidOperationException($"No options for {Name}."),
    };
}
