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
