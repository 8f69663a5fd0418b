using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HallOps.Tests.Integration;

/// <summary>
/// The embedded SQLite hall: the app's writers take turns at an in-process gate instead of sleeping
/// in SQLite's busy handler (a busy hall's clicks waited up to 1.4 s there). What must hold: a writer
/// behind an open transaction waits at the gate and goes on when it commits, and no write, however
/// it ends, keeps the gate from the next; a writer that finds it kept waits 30 s, then goes on and
/// says so in the log. The app's own jobs (the minutely heartbeat and scans) write beside the
/// tests, so what a test says of a writer it says of its own (named by <see cref="Writer"/>).
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Database", "SqliteOnly")]
public sealed class SqliteWriteGateTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    /// <summary>The code a test's writer saves, flowing with it into the gate and its log.</summary>
    private static readonly AsyncLocal<string?> Writer = new();

    [Fact]
    public async Task AWriterBehindAnOpenTransaction_QueuesAtTheGate_AndGoesOnWhenItCommits()
    {
        var gate = Gate();
        await using var first = hall.CreateDbContext();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.FireEquipment.Add(Extinguisher("GATE-1A"));
        await first.SaveChangesAsync();
        Assert.True(gate.Taken);

        var second = SaveAsync("GATE-1B");
        await Eventually.TrueAsync(() => Task.FromResult(gate.Waiting >= 1), Promptly, "the second writer waits at the gate");
        Assert.False(second.IsCompleted);

        await transaction.CommitAsync();
        await second.WaitAsync(Promptly);
        Assert.Equal(["GATE-1A", "GATE-1B"], await CodesAsync("GATE-1"));
    }

    [Fact]
    public async Task ATransactionLeftUnfinished_OrASaveRefused_DoesNotKeepTheNextWriterWaiting()
    {
        await using (var abandoned = hall.CreateDbContext())
        {
            await abandoned.Database.BeginTransactionAsync();
            abandoned.FireEquipment.Add(Extinguisher("GATE-2A"));
            await abandoned.SaveChangesAsync();
            Assert.True(Gate().Taken);
        } // disposed with its transaction neither committed nor rolled back
        await SaveAsync("GATE-2B").WaitAsync(Promptly);

        await using (var refused = hall.CreateDbContext())
        {
            refused.FireEquipment.Add(Extinguisher("gate-2b")); // codes are one whatever their case: refused by the unique index
            await Assert.ThrowsAsync<DbUpdateException>(() => refused.SaveChangesAsync());
        }
        await SaveAsync("GATE-2C").WaitAsync(Promptly);

        Assert.Equal(["GATE-2B", "GATE-2C"], await CodesAsync("GATE-2"));
    }

    [Fact]
    public async Task AWriterKeptWaitingPastItsPatience_GoesOnWithoutTheGate_AndWarnsInTheLog()
    {
        var gate = Gate();
        var warnings = new GateWarnings();
        hall.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(warnings);
        var patience = gate.Patience;
        gate.Patience = TimeSpan.FromMilliseconds(300);
        try
        {
            await using var first = hall.CreateDbContext();
            await using var transaction = await first.Database.BeginTransactionAsync();
            first.FireEquipment.Add(Extinguisher("GATE-3A"));
            await first.SaveChangesAsync();

            var second = SaveAsync("GATE-3B");
            // The warning is written only by a writer that has stopped waiting for its turn.
            await Eventually.TrueAsync(() => Task.FromResult(warnings.From("GATE-3B").Any()), Promptly, "the writer kept waiting warns");
            // Past the gate it meets SQLite's own lock, which the open transaction still holds.
            Assert.False(second.IsCompleted);

            await transaction.CommitAsync();
            await second.WaitAsync(Promptly);
        }
        finally
        {
            gate.Patience = patience;
            warnings.Stop();
        }
        Assert.Equal(["GATE-3A", "GATE-3B"], await CodesAsync("GATE-3"));
        var warning = Assert.Single(warnings.From("GATE-3B"));
        Assert.Contains("0.3 s", warning);
    }

    [Fact]
    public void EachDatabaseFile_HasOneGate_HoweverItsConnectionStringIsWritten()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hallops-gate");
        var one = SqliteWriteGate.For($"Data Source={Path.Combine(folder, "hall.db")}");
        Assert.Same(one, SqliteWriteGate.For($"Data Source={Path.Combine(folder, ".", "hall.db")};Cache=Shared"));
        Assert.NotSame(one, SqliteWriteGate.For($"Data Source={Path.Combine(folder, "other.db")}"));
    }

    private SqliteWriteGate Gate()
    {
        using var db = hall.CreateDbContext();
        return SqliteWriteGate.For(db.Database.GetConnectionString()!);
    }

    private Task SaveAsync(string code) => Task.Run(async () =>
    {
        Writer.Value = code;
        await using var db = hall.CreateDbContext();
        db.FireEquipment.Add(Extinguisher(code));
        await db.SaveChangesAsync();
    });

    private async Task<List<string>> CodesAsync(string prefix)
    {
        await using var db = hall.CreateDbContext();
        return await db.FireEquipment.Where(f => f.Code.StartsWith(prefix)).OrderBy(f => f.Code).Select(f => f.Code).ToListAsync();
    }

    /// <summary>The gate's warnings from the app's log, until stopped.</summary>
    private sealed class GateWarnings : ILoggerProvider, ILogger
    {
        private volatile bool _stopped;

        private readonly ConcurrentQueue<(string? Writer, string Message)> _messages = new();

        /// <summary>The warnings logged on the way of the test's writer saving <paramref name="code"/>.</summary>
        public IEnumerable<string> From(string code) =>
            _messages.Where(m => m.Writer == code).Select(m => m.Message);

        public void Stop() => _stopped = true;

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(SqliteWriteGate).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && !_stopped;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _messages.Enqueue((Writer.Value, formatter(state, exception)));
            }
        }

        public void Dispose()
        {
        }
    }

    private static FireEquipment Extinguisher(string code) =>
        new() { Code = code, Location = "一楼东侧", NextInspectionOn = new DateOnly(2026, 12, 1) };
}
