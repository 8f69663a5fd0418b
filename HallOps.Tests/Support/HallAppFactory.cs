using HallOps.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Support;

/// <summary>
/// The real HallOps app on a real database of its own (a SQLite file, or PostgreSQL: see <see cref="HallDatabaseFile"/>). Two factories given the same <see cref="HallDatabaseFile"/>
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
            ["Hall:DatabaseProvider"] = database.Provider.Name,
            // Jobs in the process on every database, so they run at the same moments on both legs
            // (a test of the shared storage sets "Database"; then the queue is polled often).
            ["Hall:Jobs:Storage"] = "InMemory",
            ["Hall:Jobs:QueuePollInterval"] = "00:00:00.2",
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
    public HallDbContext CreateDbContextWithoutStart() => Database.CreateBareContext();

    /// <summary>A short-lived context on the app's database, as a component would use.</summary>
    public HallDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<HallDbContext>>().CreateDbContext();
}

/// <summary>
/// A test's own database, deleted at the end: a SQLite file in its own temporary folder (the
/// normal run), or — with HALLOPS_TEST_PROVIDER=PostgreSql — a database of its own on the
/// PostgreSQL server named by HALLOPS_TEST_POSTGRES (test.sh starts one). The folder exists on
/// both (photos and other files go there).
/// </summary>
public sealed class HallDatabaseFile : IDisposable
{
    public HallDatabaseFile()
    {
        Folder = Directory.CreateTempSubdirectory("hallops-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "hallops.db");
        Provider = TestEnvironment.Provider;
        if (Provider == HallDatabase.PostgreSql)
        {
            // A copy of a database migrated once per test run: the app's start then only seeds.
            Name = $"hallops_test_{Guid.NewGuid():N}";
            Server($"CREATE DATABASE \"{Name}\" TEMPLATE \"{MigratedTemplate.Value}\"");
        }
    }

    /// <summary>A PostgreSQL database with every migration applied and nothing else, dropped when the run ends.</summary>
    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var name = $"hallops_migrated_{Guid.NewGuid():N}";
        using (var db = new PostgreSqlHallDbContext(new DbContextOptionsBuilder<PostgreSqlHallDbContext>()
            .UseNpgsql($"{TestEnvironment.Postgres};Database={name}").Options))
        {
            db.Database.Migrate();
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Server($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (Npgsql.NpgsqlException)
            {
                // The server is going away with the test run.
            }
        };
        return name;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The database this test runs on (the test run's provider).</summary>
    public HallDatabase Provider { get; }

    public string Folder { get; }

    /// <summary>The SQLite file (on PostgreSQL: never created).</summary>
    public string Path { get; }

    /// <summary>The PostgreSQL database's name.</summary>
    public string? Name { get; }

    public string ConnectionString => Provider == HallDatabase.PostgreSql
        ? $"{TestEnvironment.Postgres};Database={Name}"
        : $"Data Source={Path};Default Timeout=30;Pooling=False";

    /// <summary>A context on this database that no app owns (no interceptors, no events).</summary>
    public HallDbContext CreateBareContext() => Provider == HallDatabase.PostgreSql
        ? new PostgreSqlHallDbContext(new DbContextOptionsBuilder<PostgreSqlHallDbContext>().UseNpgsql(ConnectionString).Options)
        : new SqliteHallDbContext(new DbContextOptionsBuilder<SqliteHallDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>Makes this database (not used yet) a copy of <paramref name="template"/>, whose app has stopped.</summary>
    public void CopyFrom(HallDatabaseFile template)
    {
        if (Provider == HallDatabase.PostgreSql)
        {
            // The template's app has stopped, but its pooled connections would block the copy.
            Npgsql.NpgsqlConnection.ClearAllPools();
            Server($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
            Server($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template.Name}' AND pid <> pg_backend_pid()");
            Server($"CREATE DATABASE \"{Name}\" TEMPLATE \"{template.Name}\"");
            return;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(template.Path + suffix))
            {
                File.Copy(template.Path + suffix, Path + suffix);
            }
        }
    }

    /// <summary>
    /// Readies a database whose app has stopped to be copied: on PostgreSQL the job storage goes
    /// (each copy's app starts its own, as with the in-memory storage on SQLite).
    /// </summary>
    public void PrepareAsTemplate()
    {
        if (Provider == HallDatabase.PostgreSql)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            connection.Open();
            using var command = new Npgsql.NpgsqlCommand("DROP SCHEMA IF EXISTS hangfire CASCADE", connection);
            command.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        if (Provider == HallDatabase.PostgreSql)
        {
            try
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                Server($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
            }
            catch (Npgsql.NpgsqlException)
            {
                // The server is going away with the test run; its folder is deleted by test.sh.
            }
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the OS temp cleaner takes it.
        }
    }

    private static void Server(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection($"{TestEnvironment.Postgres};Database=postgres;Pooling=false");
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
