using HallOps.Domain.Persistence;

namespace HallOps.Tests.Support;

/// <summary>
/// What the machine offers the tests. In CI (HALLOPS_E2E=required) a missing browser or Redis
/// fails the test; elsewhere such a test is reported as skipped, with the reason.
/// </summary>
public static class TestEnvironment
{
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("HALLOPS_E2E"), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Redis the test script started (host:port), from HALLOPS_TEST_REDIS.</summary>
    public static string? Redis => Environment.GetEnvironmentVariable("HALLOPS_TEST_REDIS") is { Length: > 0 } value ? value : null;

    /// <summary>
    /// The database the tests' apps run on: SQLite (the normal run) or, with
    /// HALLOPS_TEST_PROVIDER=PostgreSql, PostgreSQL at <see cref="Postgres"/> (test.sh's second leg).
    /// </summary>
    public static HallDatabase Provider { get; } = Environment.GetEnvironmentVariable("HALLOPS_TEST_PROVIDER") is { Length: > 0 } name
        ? HallDatabase.Named(name)
        : HallDatabase.Sqlite;

    /// <summary>The PostgreSQL server test.sh started (server level, no database), from HALLOPS_TEST_POSTGRES.</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable("HALLOPS_TEST_POSTGRES") is { Length: > 0 } value
        ? value
        : Provider == HallDatabase.PostgreSql
            ? throw new InvalidOperationException("HALLOPS_TEST_PROVIDER=PostgreSql needs HALLOPS_TEST_POSTGRES (a server-level Npgsql connection string).")
            : null;

    /// <summary>Skips (or, where required, fails) a test that needs something this machine lacks.</summary>
    public static void Need(bool available, string what)
    {
        if (available)
        {
            return;
        }
        if (Required)
        {
            throw new InvalidOperationException($"{what} is required (HALLOPS_E2E=required) but not available.");
        }
        Skip.If(true, $"{what} is not available on this machine; run ./test.sh to set it up.");
    }
}
