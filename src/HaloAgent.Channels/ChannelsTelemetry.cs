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
/// The request's trace context is stored on the inbox row (<c>trace_parent</c>), so the processing continues the trace
/// on whichever node claims the row, however soon after the insert it does.
/// </remarks>
public static class ChannelsTelemetry
{
    public const string SourceName = "HaloAgent.Channels";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current request's W3C <c>traceparent</c>, to store with what it acks (null while nobody traces).</summary>
    internal static string? CurrentTraceParent() =>
        Source.HasListeners() && Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The span and logging scope around processing one stored webhook event; dispose when done.</summary>
    internal static IDisposable StartProcessing(InboxRow row, ILogger logger)
    {
        // A malformed value (the column is ours, but rows outlive versions) only costs the link: a new trace starts.
        var parent = ActivityContext.TryParse(row.TraceParent, null, out var stored) ? stored : default;
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
