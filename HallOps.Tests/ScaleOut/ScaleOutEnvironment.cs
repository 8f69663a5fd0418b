using System.Net;
using System.Net.Sockets;
using HallOps.Tests.Browser;
using HallOps.Tests.Support;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// What the scale-out tests need from the machine: a PostgreSQL server (HALLOPS_TEST_POSTGRES, server
/// level: each test class creates and drops its own database), Redis (HALLOPS_TEST_REDIS), nginx, the
/// built HallOps.Web.dll, and for the wall tests Chromium. ./test.sh starts the servers; elsewhere a
/// missing one skips the test, and under HALLOPS_E2E=required it fails it.
/// </summary>
public static class ScaleOutEnvironment
{
    /// <summary>The PostgreSQL server the test script started ("Host=…;Port=…;Username=postgres").</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable("HALLOPS_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>The nginx binary: on the PATH, or Debian's /usr/sbin/nginx.</summary>
    public static string? Nginx =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin")
            .Select(folder => Path.Combine(folder, "nginx"))
            .FirstOrDefault(File.Exists);

    /// <summary>The repository's root (the folder of HallOps.sln), found upwards from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "HallOps.sln")))
                {
                    return folder.FullName;
                }
            }
            throw new InvalidOperationException($"HallOps.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>deploy/nginx.conf: the recipe the tests render and run, not a copy of it.</summary>
    public static string NginxRecipe => Path.Combine(RepositoryRoot, "deploy", "nginx.conf");

    /// <summary>HallOps.Web's project folder (the content root, as `dotnet run` uses it).</summary>
    public static string WebProject => Path.Combine(RepositoryRoot, "HallOps.Web");

    /// <summary>
    /// The HallOps.Web.dll built with the tests (same configuration and target framework: the tests'
    /// own bin/&lt;Configuration&gt;/&lt;tfm&gt; folder names them).
    /// </summary>
    public static string WebAssembly
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = output.Name;
            var configuration = output.Parent?.Name ?? "Debug";
            return Path.Combine(WebProject, "bin", configuration, framework, "HallOps.Web.dll");
        }
    }

    /// <summary>Skips (or fails, where required) a test without PostgreSQL, Redis, nginx or the built app; with <paramref name="browser"/>, also without Chromium.</summary>
    public static void Need(bool browser)
    {
        TestEnvironment.Need(Postgres is not null, "PostgreSQL (HALLOPS_TEST_POSTGRES)");
        TestEnvironment.Need(TestEnvironment.Redis is not null, "Redis (HALLOPS_TEST_REDIS)");
        TestEnvironment.Need(Nginx is not null, "nginx");
        if (!File.Exists(WebAssembly))
        {
            throw new InvalidOperationException($"The app is not built: {WebAssembly} is missing (dotnet build HallOps.sln).");
        }
        if (browser)
        {
            BrowserGate.EnsureChromium();
        }
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort() => Browser.BrowserHost.FreePort();

    /// <summary>Where a test's process logs go (kept after the run, for a failure): TestResults/scaleout/&lt;test&gt;.</summary>
    public static string LogFolder(string testName)
    {
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "TestResults", "scaleout", testName);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        return folder;
    }
}
