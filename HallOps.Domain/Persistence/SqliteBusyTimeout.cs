using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HallOps.Domain.Persistence;

/// <summary>
/// SQLite lets one writer in at a time. Without a busy timeout, a write that finds another under way
/// is retried by Microsoft.Data.Sqlite every 150 ms, the thread asleep meanwhile: a clerk's
/// acknowledgement that met a colleague's sign-on waited 150 ms for a lock held for 2. With the
/// timeout set on each connection, SQLite itself waits for the lock in steps of a few milliseconds.
/// The setting lasts as long as the native connection, which the pool keeps across opens: it is made
/// once per native connection.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static SqliteBusyTimeout Instance { get; } = new();

    /// <summary>How long a write waits for the lock before it fails (as the command timeout: 30 s).</summary>
    public const int Milliseconds = 30_000;

    /// <summary>The native connections that have the timeout already.</summary>
    private readonly ConditionalWeakTable<object, object> _set = [];

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !_set.TryAdd(handle, this))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
        command.ExecuteNonQuery();
    }
}
