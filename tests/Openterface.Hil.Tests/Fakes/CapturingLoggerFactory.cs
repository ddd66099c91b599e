using Microsoft.Extensions.Logging;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>Captures every log line (all levels, with exceptions) and the categories used.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public List<(string Category, LogLevel Level, string Message)> Lines { get; } = [];

    public string AllText() => string.Join('\n', Lines.Select(l => $"{l.Category} {l.Level} {l.Message}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner.Lines.Add((category, logLevel, $"{formatter(state, exception)} {structured} {exception}"));
        }
    }
}
