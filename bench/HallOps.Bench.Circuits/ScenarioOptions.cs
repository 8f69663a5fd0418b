using System.Globalization;

namespace HallOps.Bench.Circuits;

/// <summary>What to run; parsed from the command line (see <see cref="Usage"/>).</summary>
public sealed record ScenarioOptions
{
    public const string Usage = """
        Usage: HallOps.Bench.Circuits <base-url> [options]
          --walls N          passive wall screens on /wall (default 100)
          --staff N          staff on /my, each A of their own window (default 10; accounts staff, zw002…zw024)
          --guards N         guards on /guard (default 2)
          --events N         hall events the staff make before the run ends (default 300)
          --warm-up N        hall events made first and not counted (default 30)
          --think MS         mean think time between one person's actions (default 1000; 0 = as fast as possible)
          --seconds N        longest events phase (default 120)
          --parallel N       circuits opened at once (default 16)
          --ramp N           find P1: add walls in steps up to N while staff and guards interact
          --step N           walls added per ramp step (default 500)
          --step-seconds N   interactions measured per ramp step (default 20)
          --server-pid PID   read the server's CPU time from /proc when /diagnostics/server is not there
          --markdown FILE    also write the summary as a markdown table
          --password P       the demo accounts' password (default HallOps-demo-2026)
          --offer-deflate B  offer WebSocket compression (permessage-deflate) as browsers do (default true)
        """;

    public required Uri BaseUri { get; init; }
    public int Walls { get; init; } = 100;
    public int Staff { get; init; } = 10;
    public int Guards { get; init; } = 2;
    public int Events { get; init; } = 300;
    public int WarmUp { get; init; } = 30;
    public TimeSpan Think { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxEventsPhase { get; init; } = TimeSpan.FromSeconds(120);
    public int Parallel { get; init; } = 16;
    public int Ramp { get; init; }
    public int Step { get; init; } = 500;
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(20);
    public int? ServerPid { get; init; }
    public string? Markdown { get; init; }
    public string Password { get; init; } = "HallOps-demo-2026";
    public bool OfferDeflate { get; init; } = true;

    public static ScenarioOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("The base URL comes first.");
        }
        var url = args[0].EndsWith('/') ? args[0] : args[0] + "/";
        var options = new ScenarioOptions { BaseUri = new Uri(url) };
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--walls" => options with { Walls = Int(value) },
                "--staff" => options with { Staff = Math.Min(Int(value), 24) },
                "--guards" => options with { Guards = Int(value) },
                "--events" => options with { Events = Int(value) },
                "--warm-up" => options with { WarmUp = Int(value) },
                "--think" => options with { Think = TimeSpan.FromMilliseconds(Int(value)) },
                "--seconds" => options with { MaxEventsPhase = TimeSpan.FromSeconds(Int(value)) },
                "--parallel" => options with { Parallel = Math.Max(1, Int(value)) },
                "--ramp" => options with { Ramp = Int(value) },
                "--step" => options with { Step = Math.Max(1, Int(value)) },
                "--step-seconds" => options with { StepDuration = TimeSpan.FromSeconds(Int(value)) },
                "--server-pid" => options with { ServerPid = Int(value) },
                "--markdown" => options with { Markdown = value },
                "--password" => options with { Password = value },
                "--offer-deflate" => options with { OfferDeflate = bool.Parse(value) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }
        return options;
    }

    /// <summary>The account of the n-th member of staff (0-based): A of window n + 1.</summary>
    public static string StaffAccount(int index) => index == 0 ? "staff" : $"zw{index + 1:000}";

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
