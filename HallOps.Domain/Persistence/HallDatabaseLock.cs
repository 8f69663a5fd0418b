using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Persistence;

/// <summary>
/// A lock held in the database server for one session, so that instances sharing a database
/// take turns at work that must not run twice at once — seeding an empty database above all: two
/// instances starting together would each find it empty and insert the same roles, calendar and
/// demo hall. PostgreSQL: a session advisory lock; SQL Server: an application lock owned by the
/// session (both released by the server if the instance dies). SQLite is the one-instance embedded
/// mode: nothing to take.
/// </summary>
public sealed class HallDatabaseLock : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly Func<DbCommand, Task>? _release;

    private HallDatabaseLock(DbContext db, Func<DbCommand, Task>? release)
    {
        _db = db;
        _release = release;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for the named lock; the connection stays open until it is released.</summary>
    public static async Task<HallDatabaseLock> AcquireAsync(DbContext db, string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var provider = db.Database.ProviderName ?? "";
        var isPostgres = provider.Contains("Npgsql", StringComparison.Ordinal);
        var isSqlServer = provider.Contains("SqlServer", StringComparison.Ordinal);
        if (!isPostgres && !isSqlServer)
        {
            return new HallDatabaseLock(db, null);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds) + 5;
        Parameter(command, "@name", name);
        if (isPostgres)
        {
            // hashtext gives the 32-bit key PostgreSQL's advisory locks take for a name.
            command.CommandText = "SET lock_timeout = " + (long)timeout.TotalMilliseconds + "; SELECT pg_advisory_lock(hashtext(@name)); RESET lock_timeout;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new HallDatabaseLock(db, async release =>
            {
                release.CommandText = "SELECT pg_advisory_unlock(hashtext(@name))";
                Parameter(release, "@name", name);
                await release.ExecuteNonQueryAsync();
            });
        }
        command.CommandText = "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @name, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @timeout; SELECT @r;";
        Parameter(command, "@timeout", (int)timeout.TotalMilliseconds);
        var result = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (result < 0)
        {
            await db.Database.CloseConnectionAsync();
            throw new TimeoutException($"The database lock '{name}' was not granted within {timeout} (sp_getapplock returned {result}).");
        }
        return new HallDatabaseLock(db, async release =>
        {
            release.CommandText = "EXEC sp_releaseapplock @Resource = @name, @LockOwner = 'Session'";
            Parameter(release, "@name", name);
            await release.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_release is null)
        {
            return;
        }
        try
        {
            var connection = _db.Database.GetDbConnection();
            if (connection.State == ConnectionState.Open)
            {
                await using var command = connection.CreateCommand();
                await _release(command);
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
