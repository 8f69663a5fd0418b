using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HallOps.Tests.ScaleOut;

/// <summary>A fresh database on the test PostgreSQL server (HALLOPS_TEST_POSTGRES), dropped at the end.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    public static async Task<PostgresDatabase> CreateAsync(string server, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8'", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresDatabase(server, name);
    }

    /// <summary>The connection string for this database; the application name shows in pg_stat_activity and in application_name.</summary>
    public string ConnectionString(string applicationName) =>
        new NpgsqlConnectionStringBuilder(_server) { Database = Name, ApplicationName = applicationName }.ConnectionString;

    /// <summary>A context of the app's model on this database (the tests' own reads and staging; it publishes no events).</summary>
    public HallDbContext CreateDbContext() =>
        new PostgreSqlHallDbContext(new DbContextOptionsBuilder<PostgreSqlHallDbContext>()
            .UseNpgsql(ConnectionString("hallops-test"), HallDatabase.PostgreSql.Configure).Options);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString("hallops-test"));
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<object?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The server went away first (the test script stops it): nothing left to drop.
        }
    }
}
