using System.Diagnostics;
using System.Net;
using HallOps.Tests.Support;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// Two HallOps.Web processes on one fresh PostgreSQL database, joined by Redis, behind nginx running
/// deploy/nginx.conf — the deployment recipe, on 127.0.0.1. A starts first (it migrates the database
/// and seeds the demo hall), B once A is healthy (two seeders at once would collide). Dispose stops
/// everything by process (kill -9) and drops the database; the logs stay in TestResults/scaleout.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    /// <summary>A first start on a fresh database migrates, seeds and compiles a lot (2 shared cores).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private ScaleOutCluster(PostgresDatabase database, string logFolder, IReadOnlyDictionary<string, string?> environment)
    {
        Database = database;
        LogFolder = logFolder;
        Environment = environment;
    }

    public PostgresDatabase Database { get; }

    public string LogFolder { get; }

    /// <summary>The app settings both instances run with (as environment variables).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public AppInstance A { get; private set; } = null!;

    public AppInstance B { get; private set; } = null!;

    public NginxProcess Nginx { get; private set; } = null!;

    /// <summary>How long each step of the start took, for the test's output.</summary>
    public string StartReport { get; private set; } = "";

    public IEnumerable<AppInstance> Instances => [A, B];

    /// <summary>
    /// Starts the cluster; <paramref name="settings"/> are app settings (":" keys) over the defaults:
    /// Development (the demo seed), the PostgreSQL provider, Redis, and quiet logs.
    /// </summary>
    public static async Task<ScaleOutCluster> StartAsync(string testName, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var logFolder = ScaleOutEnvironment.LogFolder(testName);
        var database = await PostgresDatabase.CreateAsync(ScaleOutEnvironment.Postgres!, "hallops_scale");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_NOLOGO"] = "1",
            ["Hall__DatabaseProvider"] = "PostgreSql",
            ["ConnectionStrings__Redis"] = TestEnvironment.Redis,
            ["Hall__DemoSeed"] = "true",
            ["Hall__Photos__Folder"] = Path.Combine(logFolder, "photos"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__LogLevel__Hangfire"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var cluster = new ScaleOutCluster(database, logFolder, environment);
        try
        {
            await cluster.StartAllAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The instance behind an nginx $upstream_addr ("127.0.0.1:port", or a list after a failover: the last one answered).</summary>
    public AppInstance ByUpstream(string upstream)
    {
        var last = upstream.Split(',').Last().Trim();
        return Instances.SingleOrDefault(i => i.Address == last)
            ?? throw new InvalidOperationException($"No instance at {upstream} (A {A.Address}, B {B.Address}).");
    }

    public AppInstance Other(AppInstance instance) => instance == A ? B : A;

    /// <summary>
    /// An affinity cookie value (hallops_node) that nginx's consistent hash sends to <paramref name="instance"/>:
    /// asks nginx with candidate values and reads X-HallOps-Upstream.
    /// </summary>
    public async Task<string> AffinityCookieForAsync(AppInstance instance)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        for (var i = 0; i < 64; i++)
        {
            var candidate = $"test{i:00}";
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Nginx.Origin}/health");
            request.Headers.Add("Cookie", $"hallops_node={candidate}");
            using var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("X-HallOps-Upstream", out var values) && ByUpstream(values.Single()) == instance)
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No affinity cookie value among 64 reaches {instance.Name}.");
    }

    /// <summary>Everything the processes logged, for a failure message.</summary>
    public string Logs() =>
        string.Join("\n", Instances.Where(i => i is not null).Select(i => i.Tail(60)))
        + (Nginx is not null && File.Exists(Nginx.ErrorLog) ? $"\n--- nginx error.log ---\n{string.Join('\n', File.ReadLines(Nginx.ErrorLog).TakeLast(30))}" : "");

    public async ValueTask DisposeAsync()
    {
        Nginx?.Dispose();
        B?.Dispose();
        A?.Dispose();
        await Database.DisposeAsync();
    }

    private async Task StartAllAsync()
    {
        var watch = Stopwatch.StartNew();
        A = Start("a");
        await A.WaitHealthyAsync(StartTimeout);
        var aTook = watch.Elapsed;
        B = Start("b");
        await B.WaitHealthyAsync(StartTimeout);
        var bTook = watch.Elapsed - aTook;
        Nginx = await NginxProcess.StartAsync(ScaleOutEnvironment.FreePort(), A, B, LogFolder);
        StartReport = $"A (migrate, seed) healthy in {aTook.TotalSeconds:0.0} s, B in {bTook.TotalSeconds:0.0} s, nginx on {Nginx.Port} "
            + $"(A {A.Address} pid {A.ProcessId}, B {B.Address} pid {B.ProcessId})";
    }

    /// <summary>
    /// Starts again an instance a test killed, on its port (nginx's upstream), and waits until it is
    /// healthy: the next test of the class finds both instances running.
    /// </summary>
    public async Task EnsureRunningAsync()
    {
        var watch = Stopwatch.StartNew();
        if (A.HasExited)
        {
            A.Dispose();
            A = Start("a", A.Port);
            await A.WaitHealthyAsync(StartTimeout);
            StartReport += $"; A restarted (pid {A.ProcessId}) in {watch.Elapsed.TotalSeconds:0.0} s";
        }
        if (B.HasExited)
        {
            B.Dispose();
            B = Start("b", B.Port);
            await B.WaitHealthyAsync(StartTimeout);
            StartReport += $"; B restarted (pid {B.ProcessId}) in {watch.Elapsed.TotalSeconds:0.0} s";
        }
    }

    private AppInstance Start(string name, int? port = null)
    {
        var environment = new Dictionary<string, string?>(Environment)
        {
            ["ConnectionStrings__Hall"] = Database.ConnectionString($"hallops-{name}"),
        };
        return AppInstance.Start(name, port ?? ScaleOutEnvironment.FreePort(), environment, LogFolder);
    }

    /// <summary>GET through nginx with an affinity cookie; returns the status and the instance that answered.</summary>
    public async Task<(HttpStatusCode Status, AppInstance? Instance)> GetThroughNginxAsync(string path, string affinity)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, Nginx.Origin + path);
        request.Headers.Add("Cookie", $"hallops_node={affinity}");
        using var response = await client.SendAsync(request);
        var instance = response.Headers.TryGetValues("X-HallOps-Upstream", out var values) ? ByUpstream(values.Single()) : null;
        return (response.StatusCode, instance);
    }
}
