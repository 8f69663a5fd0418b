using Bunit;
using HallOps.Domain.Events;
using HallOps.Domain.Persistence;
using HallOps.Web.Components.Pages.Wall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace HallOps.Tests.Components;

public sealed class ScratchDebug(ITestOutputHelper output)
{
    [Fact]
    public async Task Debug()
    {
        var t = new WallScreenTestsProbe();
        await t.RunAsync(output);
    }
}
internal sealed class WallScreenTestsProbe
{
    public async Task RunAsync(ITestOutputHelper output)
    {
        var t = new WallScreenTests();
        await t.InitializeAsync();
        try { await t.RunProbeAsync(output); } finally { await t.DisposeAsync(); }
    }
}
internal sealed class ScratchLogs : ILoggerProvider, ILogger
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Lines = new();
    public ILogger CreateLogger(string categoryName) => this;
    public void Dispose() { }
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    { if (IsEnabled(logLevel)) Lines.Enqueue(formatter(state, exception) + " " + exception); }
}
