namespace HallOps.Tests.Browser;

/// <summary>
/// Decides whether a browser test can run. Without Chromium it skips visibly, or fails when the
/// run demands browser tests (HALLOPS_E2E=required, as CI sets it): a browser test never passes
/// without having driven a browser.
/// </summary>
public static class BrowserGate
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Variable = "HALLOPS_E2E";

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns when Chromium is there; otherwise skips the test, or fails it when required.</summary>
    public static void EnsureChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }
        if (Required)
        {
            throw new InvalidOperationException(
                $"{Variable}=required but Chromium is missing at {ChromiumPath}: install it (apt-get install -y chromium fonts-noto-cjk).");
        }
        Skip.If(true, $"Browser test skipped: Chromium is missing at {ChromiumPath} (set {Variable}=required to make this a failure).");
    }
}
