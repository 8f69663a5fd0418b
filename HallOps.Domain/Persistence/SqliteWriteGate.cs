using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HallOps.Domain.Persistence;

/// <summary>
/// SQLite lets one writer in at a time, and a writer that finds the lock taken sleeps in SQLite's
/// busy handler, its thread blocked, waking in growing steps (up to 100 ms) to try again. Under a
/// busy hall (twenty clerks clicking, the coverage group commit holding the lock for its whole
/// transaction) the sleepers kept missing the moments the lock was free: half the write
/// transactions waited over 10 ms for it, one in seven over 100 ms, the longest 1.4 s, each on a
/// thread-pool thread asleep meanwhile. So the app's own writers queue for the lock here
/// first, in order and without blocking a thread: an explicit transaction takes the gate of its
/// database file as it begins, a save without one at its first statement (where SQLite would take
/// its lock), and gives it back when it ends (saved, committed, rolled back, failed, or its context
/// disposed). SQLite is the one-instance embedded mode, so
/// every writer is in this process; one that waits longer than the busy timeout goes on without
/// the gate and lets SQLite decide, as before, and says so in the log (a warning: a write held
/// that long is what an operator looks for). Reads are not gated (WAL: readers never wait).
/// </summary>
public sealed class SqliteWriteGate : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    private SqliteWriteGate()
    {
    }

    /// <summary>The gate of the database file a connection string names (one per file in the process).</summary>
    public static SqliteWriteGate For(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = string.IsNullOrEmpty(source) || source.StartsWith(':') ? connectionString : Path.GetFullPath(source);
        return Gates.GetOrAdd(key, _ => new SqliteWriteGate());
    }

    /// <summary>Writers queued for their turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>True while a writer holds the gate.</summary>
    public bool Taken => _turn.CurrentCount == 0;

    /// <summary>How long a writer waits for its turn before going on without it: SQLite's busy timeout.</summary>
    public TimeSpan Patience { get; set; } = TimeSpan.FromMilliseconds(SqliteBusyTimeout.Milliseconds);

    // The gate is taken where SQLite takes its lock: at a transaction's start (BEGIN IMMEDIATE) or, for
    // a save that needs no transaction, at its first statement; not when a save starts, so anything
    // that runs in between (another save, in a test hook) sees the lock as SQLite would.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForSave(eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForSaveAsync(eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForSave(eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForSaveAsync(eventData, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        LeaveUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => LeaveUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context);
        return Task.CompletedTask;
    }

    private void EnterForSave(CommandEventData eventData)
    {
        if (eventData.CommandSource == CommandSource.SaveChanges)
        {
            Enter(eventData.Context);
        }
    }

    private Task EnterForSaveAsync(CommandEventData eventData, CancellationToken cancellationToken) =>
        eventData.CommandSource == CommandSource.SaveChanges ? EnterAsync(eventData.Context, cancellationToken) : Task.CompletedTask;

    private void Enter(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is not HallDbContext { HeldWriteGate: null } db)
        {
            return;
        }
        Interlocked.Increment(ref _waiting);
        try
        {
            if (_turn.Wait(Patience))
            {
                db.HeldWriteGate = _turn;
            }
            else
            {
                WarnGaveUp(db);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private async Task EnterAsync(Microsoft.EntityFrameworkCore.DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not HallDbContext { HeldWriteGate: null } db)
        {
            return;
        }
        Interlocked.Increment(ref _waiting);
        try
        {
            if (await _turn.WaitAsync(Patience, cancellationToken))
            {
                db.HeldWriteGate = _turn;
            }
            else
            {
                WarnGaveUp(db);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private void WarnGaveUp(HallDbContext db) =>
        db.GetService<ILoggerFactory>().CreateLogger<SqliteWriteGate>().LogWarning(
            "A write waited {Seconds:0.#} s for its turn at the SQLite write gate and goes on without it: another write has held the database that long",
            Patience.TotalSeconds);

    private static void LeaveUnlessInTransaction(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is HallDbContext db && db.Database.CurrentTransaction is null)
        {
            Leave(db);
        }
    }

    private static void Leave(Microsoft.EntityFrameworkCore.DbContext? context) => (context as HallDbContext)?.TakeWriteGate()?.Release();
}
