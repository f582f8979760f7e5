using Microsoft.Extensions.Logging;

namespace HeadlessCrm.Api.Tests.Infrastructure;

/// <summary>Sends the host's warnings and errors to the output of the test that caused them, so a failure explains itself.</summary>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}";
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
    }
}
