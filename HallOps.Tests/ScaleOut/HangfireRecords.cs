using System.Text.Json;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// Hangfire's shared PostgreSQL storage as the tests read it (schema "hangfire"): a client to enqueue
/// jobs and change recurring ones as an operator would, and the jobs' state history (which server
/// processed a job, when, how often).
/// </summary>
public sealed class HangfireRecords(PostgresDatabase database)
{
    private readonly PostgreSqlStorage _storage = Storage(database);

    public IBackgroundJobClient Jobs
    {
        get
        {
            QuietLogs();
            return new BackgroundJobClient(_storage);
        }
    }

    public IRecurringJobManager Recurring
    {
        get
        {
            QuietLogs();
            return new RecurringJobManager(_storage);
        }
    }

    /// <summary>Every job whose invocation names <paramref name="type"/>, with its states in order.</summary>
    public async Task<List<JobRecord>> JobsOfAsync(Type type)
    {
        var rows = await database.QueryAsync(
            """
            SELECT j.id, j.statename, j.createdat,
                   (SELECT p.value FROM hangfire.jobparameter p WHERE p.jobid = j.id AND p.name = 'RecurringJobId'),
                   (SELECT p.value FROM hangfire.jobparameter p WHERE p.jobid = j.id AND p.name = 'Time'),
                   s.name, s.createdat, s.data::text
            FROM hangfire.job j
            LEFT JOIN hangfire.state s ON s.jobid = j.id
            WHERE j.invocationdata::text LIKE @type
            ORDER BY j.id, s.id
            """,
            ("type", $"%{type.Name}%"));
        return rows.GroupBy(r => Convert.ToInt64(r[0])).Select(g =>
        {
            var first = g.First();
            var states = g.Where(r => r[5] is not null)
                .Select(r => new StateRecord((string)r[5]!, Utc(r[6]!), ServerId(r[7] as string)))
                .ToList();
            return new JobRecord(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), first[1] as string, Utc(first[2]!),
                (first[3] as string)?.Trim('"'), (first[4] as string)?.Trim('"'), states);
        }).ToList();
    }

    /// <summary>The process id in a Hangfire server id ("host:pid:guid").</summary>
    public static int? ProcessOf(string? serverId) =>
        serverId?.Split(':') is { Length: >= 3 } parts && int.TryParse(parts[^2], out var pid) ? pid : null;

    private static DateTime Utc(object value) => value switch
    {
        DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        _ => throw new InvalidOperationException($"Unexpected time {value}"),
    };

    private static string? ServerId(string? data)
    {
        if (string.IsNullOrEmpty(data))
        {
            return null;
        }
        using var json = JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty("ServerId", out var server) ? server.GetString() : null;
    }

    /// <summary>
    /// Hangfire logs through one process-wide provider, which an in-process app of an earlier test
    /// (HallAppFactory) left pointing at its disposed logger factory: the tests' client logs nothing.
    /// </summary>
    private static void QuietLogs() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(new NoLogs());

    private sealed class NoLogs : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    private static PostgreSqlStorage Storage(PostgresDatabase database)
    {
        QuietLogs();
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString("hallops-test-hangfire"), options), options);
    }
}

public sealed record StateRecord(string Name, DateTime At, string? ServerId);

public sealed record JobRecord(string Id, string? State, DateTime CreatedAt, string? RecurringJobId, string? Time, List<StateRecord> States)
{
    public List<StateRecord> Processing => States.Where(s => s.Name == "Processing").ToList();

    public StateRecord? Succeeded => States.LastOrDefault(s => s.Name == "Succeeded");
}
