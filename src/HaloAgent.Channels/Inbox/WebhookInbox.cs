using Dapper;
using HaloAgent.Channels.Persistence;
using HaloAgent.Platform.Identity;

namespace HaloAgent.Channels.Inbox;

/// <summary>Stores a verified webhook as it arrived: the only work on the webhook request path (one auto-committed insert).</summary>
internal sealed class WebhookInbox(ChannelsDatabase database, TimeProvider clock, InboxSignal signal)
{
    private const string Insert = """
        INSERT INTO webhook_inbox (id, provider, body, status, received_at, next_attempt_at, attempts, trace_parent)
        VALUES (@Id, @Provider, @Body, 'pending', @Now, @Now, 0, @TraceParent)
        """;

    public async Task<string> AddAsync(string provider, byte[] body, CancellationToken cancellationToken)
    {
        var id = RowIds.New();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await database.RunAsync(
            write: true,
            (connection, token) => connection.ExecuteAsync(new CommandDefinition(Insert, new { Id = id, Provider = provider, Body = body, Now = now, TraceParent = ChannelsTelemetry.CurrentTraceParent() }, cancellationToken: token)),
            cancellationToken);
        signal.Notify();
        return id;
    }
}
