using System.Collections.Concurrent;
using System.Diagnostics;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Inbox;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Channels;

/// <summary>
/// Traces and log correlation for inbound messages. Processing a stored webhook event is a span that is a child of the
/// webhook request that stored it (same trace id), and its logs carry the inbox row id and, per message, the message
/// id, whichever module writes them (logging scopes are ambient).
/// </summary>
/// <remarks>
/// The request's trace context is remembered in memory by inbox row id, not stored on the row: no migration on the
/// hot insert, at the price that an event processed by another node than the one that acked it starts a new trace
/// (its logs still carry the inbox id). The map is bounded and forgets entries nobody claimed within minutes.
/// </remarks>
public static class ChannelsTelemetry
{
    public const string SourceName = "HaloAgent.Channels";

    public static readonly ActivitySource Source = new(SourceName);

    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<string, (ActivityContext Context, long At)> Acks = new(StringComparer.Ordinal);

    /// <summary>Remembers the current request's trace context for the inbox row just stored (a no-op while nobody traces).</summary>
    internal static void RememberAck(string inboxId)
    {
        if (!Source.HasListeners() || Activity.Current is not { Recorded: true } current)
        {
            return;
        }

        if (Acks.Count >= MaxRemembered)
        {
            foreach (var stale in Acks.Where(e => Stopwatch.GetElapsedTime(e.Value.At) > ForgetAfter).Select(e => e.Key).ToList())
            {
                Acks.TryRemove(stale, out _);
            }

            if (Acks.Count >= MaxRemembered)
            {
                return;
            }
        }

        Acks[inboxId] = (current.Context, Stopwatch.GetTimestamp());
    }

    /// <summary>The span and logging scope around processing one stored webhook event; dispose when done.</summary>
    internal static IDisposable StartProcessing(InboxRow row, ILogger logger)
    {
        var parent = Acks.TryRemove(row.Id, out var ack) ? ack.Context : default;
        var activity = Source.StartActivity("inbox.process", ActivityKind.Consumer, parent);
        activity?.SetTag("haloagent.inbox.id", row.Id);
        activity?.SetTag("haloagent.inbox.provider", row.Provider);
        activity?.SetTag("haloagent.inbox.attempt", row.Attempts);
        var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["InboxId"] = row.Id,
            ["Provider"] = row.Provider,
            ["TraceId"] = activity?.TraceId.ToString(),
        });
        return new Both(scope, activity);
    }

    /// <summary>The logging scope naming one message while it is handed to the agent (no customer data: ids only).</summary>
    internal static IDisposable? MessageScope(ILogger logger, InboundMessage message)
    {
        Activity.Current?.AddEvent(new ActivityEvent("message", tags: new ActivityTagsCollection { ["haloagent.message.id"] = message.ExternalId }));
        return logger.BeginScope(new Dictionary<string, object?> { ["MessageId"] = message.ExternalId, ["BusinessId"] = message.BusinessId });
    }

    private sealed class Both(IDisposable? scope, Activity? activity) : IDisposable
    {
        public void Dispose()
        {
            scope?.Dispose();
            activity?.Dispose();
        }
    }
}
