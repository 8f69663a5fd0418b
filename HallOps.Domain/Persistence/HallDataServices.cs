using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Domain.Persistence;

public static class HallDataServices
{
    /// <summary>
    /// Registers the hall's data context for one database: a pooled context factory (components and jobs
    /// create a short-lived context per operation), <see cref="IDbContextFactory{HallDbContext}"/>
    /// over it, and a scoped <see cref="HallDbContext"/> for request-scoped services (Identity).
    /// </summary>
    public static IServiceCollection AddHallDbContext(this IServiceCollection services, HallDatabase database, string connectionString) =>
        database.Name switch
        {
            "Sqlite" => services.AddHallDbContext<SqliteHallDbContext>(database, connectionString),
            "SqlServer" => services.AddHallDbContext<SqlServerHallDbContext>(database, connectionString),
            "PostgreSql" => services.AddHallDbContext<PostgreSqlHallDbContext>(database, connectionString),
            _ => throw new InvalidOperationException($"No registration for {database.Name}."),
        };

    private static IServiceCollection AddHallDbContext<TContext>(this IServiceCollection services, HallDatabase database, string connectionString)
        where TContext : HallDbContext
    {
        // Pooled: a context is reset and reused, not built anew with its own internal services each
        // time (a fifth of the data access of a busy staff page's click went on building them).
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
            database.Use(options, connectionString).AddInterceptors(sp.GetRequiredService<HallSaveChangesInterceptor>()));
        services.AddSingleton<IDbContextFactory<HallDbContext>>(sp =>
            new HallContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<HallDbContext>(sp => sp.GetRequiredService<IDbContextFactory<HallDbContext>>().CreateDbContext());
        return services;
    }

    private sealed class HallContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<HallDbContext>
        where TContext : HallDbContext
    {
        public HallDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
