// The deadline scan at scale (TL5, BENCHMARKS.md P4): seeds N open cases on a SQLite file, due over
// the next 60 working days, a few hundred of them crossing a line (yellow or red) at "now", and
// times one CaseDeadlineScanner.ScanAsync — median, min and max of several runs, each run resetting
// the crossed cases first. Prints the query plan of the scan's query (it must search the NextLightAt index).
// Usage: DeadlineScan [sizes=100000,1000000] [runs=5] [crossing-yellow=250] [crossing-red=50] [folder]
using System.Diagnostics;
using System.Globalization;
using HallOps.Domain.Audit;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Events;
using HallOps.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

var sizes = (args.Length > 0 ? args[0] : "100000,1000000").Split(',').Select(int.Parse).ToArray();
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var crossingYellow = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 250;
var crossingRed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50;
var folder = args.Length > 4 ? args[4] : Directory.CreateTempSubdirectory("hallops-deadline-bench-").FullName;

// Wednesday 2026-11-25 10:00 in Beijing: the scan's "now".
var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
var clock = new FixedClock(now);
var calendar = WorkingCalendar.ChinaDefault();
using var actor = HallActor.Use(Actor.System("deadline-scan-bench"));

foreach (var size in sizes)
{
    var path = Path.Combine(folder, $"cases-{size}.db");
    foreach (var file in Directory.GetFiles(folder, $"cases-{size}.db*"))
    {
        File.Delete(file);
    }
    var connectionString = $"Data Source={path};Default Timeout=30;Pooling=True";
    var feed = new HallEventFeed(NullLogger<HallEventFeed>.Instance);
    var interceptor = new HallSaveChangesInterceptor(clock, feed);
    var builder = new DbContextOptionsBuilder<SqliteHallDbContext>().UseSqlite(connectionString, HallDatabase.Sqlite.Configure);
    if (Environment.GetEnvironmentVariable("BENCH_NO_AUDIT") != "1")
    {
        builder.AddInterceptors(interceptor);
    }
    if (Environment.GetEnvironmentVariable("BENCH_SQL_LOG") == "1")
    {
        builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information);
    }
    var options = builder.Options;
    var contexts = new Contexts(options);

    var seed = Stopwatch.StartNew();
    int versionId;
    await using (var db = contexts.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        db.CalendarDays.AddRange(OfficialHolidays.Load());
        var version = new MatterVersion { Number = 1, StatutoryDays = 20, CommittedDays = 10, ChangedAt = now, ChangedBy = "bench" };
        db.Matters.Add(new Matter { Code = "BENCH-001", Name = "Bench matter", Versions = [version] });
        await db.SaveChangesAsync();
        versionId = version.Id;
    }
    var crossed = await SeedAsync(connectionString, size, versionId, crossingYellow, crossingRed);
    Console.WriteLine($"{size:N0} open cases seeded in {seed.Elapsed.TotalSeconds:0.0} s ({crossed.Yellow.Count} crossing yellow, {crossed.Red.Count} crossing red at now) — {path}");

    var scanner = new CaseDeadlineScanner(
        contexts, new CalendarSource(contexts, new CalendarSettings(calendar.Zone, OpeningHours.Default), feed),
        clock, new CaseDeadlineSettings(), PlainOverdueWording.Instance);

    await using (var db = contexts.CreateDbContext())
    {
        var query = db.Cases.Where(c => c.NextLightAt != null && c.NextLightAt <= now).OrderBy(c => c.NextLightAt).ThenBy(c => c.Id).Take(CaseDeadlineScanner.BatchSize);
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine("  query plan of the scan's read:");
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"    {reader.GetString(3)}");
        }
    }

    var timings = new List<double>();
    DeadlineScanResult? last = null;
    for (var run = 0; run <= runs; run++)
    {
        await ResetAsync(connectionString, crossed);
        var watch = Stopwatch.StartNew();
        last = await scanner.ScanAsync();
        watch.Stop();
        if (run == 0)
        {
            Console.WriteLine($"  warm-up: {watch.Elapsed.TotalMilliseconds:0.0} ms, {last.Examined} read, {last.Changed} changed, {last.Drafted} drafted");
            continue; // the first run compiles the queries
        }
        timings.Add(watch.Elapsed.TotalMilliseconds);
    }
    var again = Stopwatch.StartNew();
    var idle = await scanner.ScanAsync();
    again.Stop();
    timings.Sort();
    Console.WriteLine($"  scan at {size:N0}: median {timings[timings.Count / 2]:0.0} ms, min {timings[0]:0.0} ms, max {timings[^1]:0.0} ms over {runs} runs; "
        + $"{last!.Examined} read, {last.Changed} changed ({crossed.Yellow.Count} yellow, {crossed.Red.Count} red), {last.Drafted} drafted; "
        + $"a scan right after, with nothing due: {again.Elapsed.TotalMilliseconds:0.0} ms, {idle.Examined} read");
    // The cost grows with the changes, not the cases: the same database with only 12 crossing.
    var few = (crossed.Yellow.Take(10).ToList(), crossed.Red.Take(2).ToList());
    var fewTimings = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        await ResetAsync(connectionString, few);
        var watch = Stopwatch.StartNew();
        last = await scanner.ScanAsync();
        fewTimings.Add(watch.Elapsed.TotalMilliseconds);
    }
    fewTimings.Sort();
    Console.WriteLine($"  scan at {size:N0} with 12 crossing: median {fewTimings[fewTimings.Count / 2]:0.0} ms, min {fewTimings[0]:0.0} ms, max {fewTimings[^1]:0.0} ms; "
        + $"{last.Examined} read, {last.Changed} changed, {last.Drafted} drafted");
    SqliteConnection.ClearAllPools();
}

// Bulk insert with one prepared command in one transaction.
async Task<(List<long> Yellow, List<long> Red)> SeedAsync(string connectionString, int size, int versionId, int yellow, int red)
{
    var days = new List<DateOnly>();
    for (var day = calendar.LocalDate(now); days.Count < 61; day = day.AddDays(1))
    {
        if (calendar.IsWorkingDay(day))
        {
            days.Add(day);
        }
    }
    var closings = days.Select(calendar.ClosingOf).ToArray();
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
        await pragma.ExecuteNonQueryAsync();
    }
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = """
        INSERT INTO Cases (Number, Source, MatterId, MatterVersionId, ApplicantKind, ApplicantName, State, ReceivedAt, AcceptedAt,
                           DueAt, DueSoonAt, Light, NextLightAt, CreatedAt, CreatedBy, Version)
        VALUES ($number, 1, 1, $version, 1, $name, 2, $accepted, $accepted, $due, $soon, $light, $next, $accepted, 'bench', 0)
        """;
    var number = insert.Parameters.Add("$number", SqliteType.Text);
    insert.Parameters.AddWithValue("$version", versionId);
    var name = insert.Parameters.Add("$name", SqliteType.Text);
    var accepted = insert.Parameters.Add("$accepted", SqliteType.Integer);
    var due = insert.Parameters.Add("$due", SqliteType.Integer);
    var soon = insert.Parameters.Add("$soon", SqliteType.Integer);
    var light = insert.Parameters.Add("$light", SqliteType.Integer);
    var next = insert.Parameters.Add("$next", SqliteType.Integer);
    insert.Prepare();
    var random = new Random(412);
    for (var i = 0; i < size; i++)
    {
        DateTimeOffset dueAt, soonAt;
        CaseLight lit;
        DateTimeOffset nextAt;
        if (i < yellow)
        {
            // Crossing yellow at now: due-soon a few seconds ago, due tomorrow.
            soonAt = now.AddSeconds(-1 - i % 50);
            dueAt = closings[1];
            lit = CaseLight.None;
            nextAt = soonAt;
        }
        else if (i < yellow + red)
        {
            // Crossing red at now: yellow since yesterday, due a few seconds ago.
            dueAt = now.AddSeconds(-1 - i % 50);
            soonAt = closings[0].AddDays(-1);
            lit = CaseLight.Yellow;
            nextAt = dueAt;
        }
        else
        {
            // The rest: due over the next 60 working days, not changing now.
            var d = 2 + random.Next(59);
            dueAt = closings[Math.Min(d, closings.Length - 1)];
            soonAt = closings[d - 1];
            lit = CaseLight.None;
            nextAt = soonAt;
        }
        number.Value = $"2026-{i + 1:0000000}";
        name.Value = "Applicant " + i.ToString(CultureInfo.InvariantCulture);
        accepted.Value = now.AddDays(-3).UtcTicks;
        due.Value = dueAt.UtcTicks;
        soon.Value = soonAt.UtcTicks;
        light.Value = (int)lit;
        next.Value = nextAt.UtcTicks;
        await insert.ExecuteNonQueryAsync();
    }
    await transaction.CommitAsync();
    await using var ids = connection.CreateCommand();
    ids.CommandText = $"SELECT Id FROM Cases ORDER BY Id LIMIT {yellow + red}";
    var all = new List<long>();
    await using (var reader = await ids.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            all.Add(reader.GetInt64(0));
        }
    }
    await using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE;";
    await analyze.ExecuteNonQueryAsync();
    return (all.Take(yellow).ToList(), all.Skip(yellow).ToList());
}

// Puts the crossed cases back as they were before the scan, and removes what the scan wrote.
async Task ResetAsync(string connectionString, (List<long> Yellow, List<long> Red) crossed)
{
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var reset = connection.CreateCommand();
    reset.Transaction = transaction;
    reset.CommandText = $"""
        UPDATE Cases SET Light = 0, NextLightAt = DueSoonAt WHERE Id IN ({string.Join(',', crossed.Yellow)});
        UPDATE Cases SET Light = 1, NextLightAt = DueAt WHERE Id IN ({string.Join(',', crossed.Red)});
        DELETE FROM Alerts; DELETE FROM DerelictionRecords; DELETE FROM AuditEntries;
        """;
    await reset.ExecuteNonQueryAsync();
    await transaction.CommitAsync();
}

sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

sealed class Contexts(DbContextOptions<SqliteHallDbContext> options) : IDbContextFactory<HallDbContext>
{
    public HallDbContext CreateDbContext() => new SqliteHallDbContext(options);
}
