using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// nginx in front of two app instances, running deploy/nginx.conf itself: the recipe's placeholders
/// are filled in (the listen address and the two upstreams), and a minimal main configuration for an
/// unprivileged, foreground nginx includes it. Stopped by killing its process tree.
/// </summary>
public sealed partial class NginxProcess : IDisposable
{
    private readonly Process _process;

    private NginxProcess(int port, Process process, string folder)
    {
        Port = port;
        _process = process;
        Folder = folder;
    }

    public int Port { get; }

    public string Origin => $"http://127.0.0.1:{Port}";

    public string Folder { get; }

    public string ErrorLog => Path.Combine(Folder, "error.log");

    /// <summary>Fills in deploy/nginx.conf's ${HALLOPS_…} placeholders; an unknown or unfilled one is an error.</summary>
    public static string Render(string recipe, IReadOnlyDictionary<string, string> values)
    {
        var rendered = Placeholder().Replace(recipe, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? value
                : throw new InvalidOperationException($"deploy/nginx.conf has a placeholder the tests do not fill: {match.Value}"));
        foreach (var name in values.Keys.Where(name => !recipe.Contains("${" + name + "}", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"deploy/nginx.conf no longer has the placeholder ${{{name}}}.");
        }
        return rendered;
    }

    public static async Task<NginxProcess> StartAsync(int port, AppInstance a, AppInstance b, string logFolder)
    {
        var folder = Path.Combine(logFolder, "nginx");
        Directory.CreateDirectory(folder);
        var site = Render(await File.ReadAllTextAsync(ScaleOutEnvironment.NginxRecipe), new Dictionary<string, string>
        {
            ["HALLOPS_LISTEN"] = $"127.0.0.1:{port}",
            ["HALLOPS_APP_A"] = a.Address,
            ["HALLOPS_APP_B"] = b.Address,
        });
        await File.WriteAllTextAsync(Path.Combine(folder, "hallops.conf"), site);
        // As root, nginx would hand its workers to "nobody", who may not write here.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        var main = $$"""
            {{user}}worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            events { worker_connections 1024; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/hallops.conf;
            }
            """;
        var mainPath = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(mainPath, main);

        var start = new ProcessStartInfo(ScaleOutEnvironment.Nginx ?? "nginx")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", mainPath })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                File.AppendAllText(Path.Combine(folder, "stderr.log"), line + "\n");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var nginx = new NginxProcess(port, process, folder);
        var watch = Stopwatch.StartNew();
        while (!await nginx.ListeningAsync())
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                var log = File.Exists(nginx.ErrorLog) ? await File.ReadAllTextAsync(nginx.ErrorLog) : "(no error log)";
                nginx.Dispose();
                throw new InvalidOperationException($"nginx did not start listening on {port}:\n{log}");
            }
            await Task.Delay(50);
        }
        return nginx;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private async Task<bool> ListeningAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\$\{(HALLOPS_[A-Z_]+)\}")]
    private static partial Regex Placeholder();
}
