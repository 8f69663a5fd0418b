using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace HallOps.Tests.Components;

/// <summary>
/// Writes the app's own warnings and errors (a failing event subscriber, say) to the test's output,
/// so a screen that did not update says why.
/// </summary>
internal sealed class TestOutputLogger(ITestOutputHelper output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("HallOps.", StringComparison.Ordinal) ? new Writer(output, categoryName) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Writer(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            try
            {
                output.WriteLine($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
            catch (InvalidOperationException)
            {
                // Logged after the test finished: xunit no longer takes output.
            }
        }
    }
}
