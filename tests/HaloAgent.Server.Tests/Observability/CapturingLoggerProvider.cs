using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Server.Tests.Observability;

/// <summary>Keeps every log entry of one host with the values of the scopes it was written in.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(
                (value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            into[key] = item?.ToString();
                        }
                    }
                    else if (value is IEnumerable<KeyValuePair<string, object>> plain)
                    {
                        foreach (var (key, item) in plain)
                        {
                            into[key] = item?.ToString();
                        }
                    }
                },
                scope);
            owner._entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), scope));
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Scope);
