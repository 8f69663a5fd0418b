using System.Diagnostics;
using System.Net;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// One HallOps.Web process (the built HallOps.Web.dll run with `dotnet`) on 127.0.0.1, its output
/// kept in a log file. <see cref="Kill"/> is kill -9 of the process tree; Dispose kills whatever still runs.
/// </summary>
public sealed class AppInstance : IDisposable
{
    private static readonly HttpClient Probe = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(1) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    private AppInstance(string name, int port, Process process, string logPath, StreamWriter log)
    {
        Name = name;
        Port = port;
        _process = process;
        LogPath = logPath;
        _log = log;
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The process id: Hangfire's server ids name it (host:pid:guid).</summary>
    public int ProcessId => _process.Id;

    /// <summary>host:port, as nginx's upstream and $upstream_addr name it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public string Origin => $"http://{Address}";

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app with the environment given (ASPNETCORE_URLS is set here).</summary>
    public static AppInstance Start(string name, int port, IReadOnlyDictionary<string, string?> environment, string logFolder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ScaleOutEnvironment.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScaleOutEnvironment.WebAssembly);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var logPath = Path.Combine(logFolder, $"app-{name}.log");
        // A restarted instance appends to the log of the one that was killed.
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var instance = new AppInstance(name, port, process, logPath, log);
        process.OutputDataReceived += (_, e) => instance.Write(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Write(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"dotnet {ScaleOutEnvironment.WebAssembly} did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        instance.Write($"# started pid {process.Id} on port {port}");
        return instance;
    }

    /// <summary>Waits until GET /health answers 200 (migrated, seeded, jobs beating); throws with the log's tail if the process ends first.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var last = "no answer";
        while (watch.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"App {Name} exited with {_process.ExitCode} while starting.\n{Tail()}");
            }
            try
            {
                using var response = await Probe.GetAsync($"{Origin}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Write($"# healthy after {watch.ElapsedMilliseconds} ms");
                    return;
                }
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.GetType().Name;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"App {Name} not healthy within {timeout.TotalSeconds:0} s (last: {last}).\n{Tail()}");
    }

    /// <summary>kill -9 of the app and anything it started; returns once it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            Write("# killed (SIGKILL) by the test");
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>The last lines of the log, for a failure message.</summary>
    public string Tail(int lines = 40)
    {
        lock (_logLock)
        {
            _log.Flush();
        }
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"--- {LogPath} (last {lines} lines) ---\n" + string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"--- {LogPath}: {e.Message}";
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started, or already reaped.
        }
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after Dispose (the last lines of a killed process): dropped.
            }
        }
    }
}
