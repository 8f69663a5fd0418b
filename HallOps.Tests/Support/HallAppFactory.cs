using HallOps.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Support;

/// <summary>
/// The real HallOps app on a real SQLite file. Two factories given the same <see cref="HallDatabaseFile"/>
/// are two app instances on one database (or one app restarted on it).
/// </summary>
public sealed class HallAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Test replacements of the app's services (e.g. a fake <see cref="TimeProvider"/>).</param>
    public HallAppFactory(
        HallDatabaseFile database, string? redis = null, bool demoSeed = true, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        Database = database;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hall"] = database.ConnectionString,
            ["ConnectionStrings:Redis"] = redis,
            ["Hall:DemoSeed"] = demoSeed ? "true" : "false",
            ["Hall:DatabaseProvider"] = "Sqlite",
            ["Hall:Photos:Folder"] = System.IO.Path.Combine(database.Folder, "photos"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public HallDatabaseFile Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is { } services)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>A context on the database file without starting the app (to look at what a failed start left).</summary>
    public HallDbContext CreateDbContextWithoutStart() =>
        new SqliteHallDbContext(new DbContextOptionsBuilder<SqliteHallDbContext>().UseSqlite(Database.ConnectionString).Options);

    /// <summary>A short-lived context on the app's database, as a component would use.</summary>
    public HallDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<HallDbContext>>().CreateDbContext();
}

/// <summary>A SQLite database file in its own temporary folder, deleted at the end.</summary>
public sealed class HallDatabaseFile : IDisposable
{
    public HallDatabaseFile()
    {
        Folder = Directory.CreateTempSubdirectory("hallops-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "hallops.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public string ConnectionString => $"Data Source={Path};Default Timeout=30;Pooling=False";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the OS temp cleaner takes it.
        }
    }
}
