using HallOps.Bench.Circuits;

// The circuit load client: opens real Blazor Server circuits on a running HallOps and prints one
// summary table. See ScenarioOptions.Usage, and bench/circuits.sh, which starts the app for it.
ScenarioOptions options;
try
{
    options = ScenarioOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(ScenarioOptions.Usage);
    return 2;
}

Action<string> log = message => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}");
Report report;
await using (var scenario = new Scenario(options, log))
{
    report = options.Ramp > 0 ? await scenario.RampAsync() : await scenario.RunAsync();
}
Console.WriteLine();
Console.WriteLine(report.ToText());
if (options.Markdown is { } file)
{
    await File.WriteAllTextAsync(file, report.ToMarkdown());
}
return 0;
