using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.WebChat;

namespace HaloAgent.Channels.History;

/// <summary>
/// A conversation as it happened, read from the channels' own records: the customer messages the inbox stored and the
/// replies in the outbox. They are the message log; nothing is written twice to keep one.
/// </summary>
public sealed class ConversationHistory
{
    private const string InboundSql = """
        SELECT external_id AS Id, channel AS Channel, received_at AS At, payload AS Payload
        FROM channel_inbound_messages WHERE business_id = @BusinessId AND sender = @Contact
        ORDER BY received_at DESC LIMIT @Limit
        """;

    private const string OutboundSql = """
        SELECT id AS Id, channel AS Channel, created_at AS At, payload AS Payload, status AS Status
        FROM outbound_messages WHERE business_id = @BusinessId AND recipient = @Contact
        ORDER BY created_at DESC LIMIT @Limit
        """;

    private readonly ChannelsDatabase _database;

    internal ConversationHistory(ChannelsDatabase database) => _database = database;

    /// <summary>The latest <paramref name="limit"/> messages with the contact (their channel key: wa_id or web chat key), oldest first.</summary>
    public async Task<IReadOnlyList<ConversationEntry>> GetAsync(string businessId, string contactKey, int limit, CancellationToken cancellationToken)
    {
        var parameters = new { BusinessId = businessId, Contact = contactKey, Limit = Math.Clamp(limit, 1, 500) };
        var (inbound, outbound) = await _database.RunAsync(
            write: false,
            async (connection, token) => (
                (await connection.QueryAsync<Row>(new CommandDefinition(InboundSql, parameters, cancellationToken: token))).ToList(),
                (await connection.QueryAsync<Row>(new CommandDefinition(OutboundSql, parameters, cancellationToken: token))).ToList()),
            cancellationToken);
        return inbound.Select(FromInbound).Concat(outbound.Select(FromOutbound))
            .OrderBy(e => e.At).ThenBy(e => e.Direction == ConversationEntry.Inbound ? 0 : 1).ThenBy(e => e.Id, StringComparer.Ordinal)
            .TakeLast(parameters.Limit)
            .ToList();
    }

    private static ConversationEntry FromInbound(Row row)
    {
        var message = JsonSerializer.Deserialize<InboundMessage>(row.Payload, InboundMessageStore.Json);
        var text = message?.Text ?? message?.Reply?.Title ?? (message?.Location is { } l ? l.Address ?? l.Name ?? "📍" : "");
        return new ConversationEntry(
            row.Id, ConversationEntry.Inbound, row.Channel, DateTimeOffset.FromUnixTimeMilliseconds(row.At),
            message?.ProviderType ?? "text", text, [], null)
        {
            // A picture from any channel (web chat uploads and WhatsApp images): the inbox shows it, fetched on demand.
            Image = message?.Media is { Id: { Length: > 0 } id, MimeType: { } mimeType } && mimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                ? new ConversationImage(id, mimeType)
                : null,
        };
    }

    private static ConversationEntry FromOutbound(Row row)
    {
        var request = JsonNode.Parse(row.Payload);
        var type = request?["type"]?.GetValue<string>() ?? "text";
        var interactive = type == "interactive" ? request?["interactive"] : null;
        // The choices travel separately (to tap); the text is what the bubble says.
        var text = GraphPayloadText.Render(request, withChoices: false);
        return new ConversationEntry(
            row.Id, ConversationEntry.Outbound, row.Channel, DateTimeOffset.FromUnixTimeMilliseconds(row.At), type, text,
            ConversationEntry.ChoicesOf(interactive), row.Status)
        {
            ListButton = interactive?["action"]?["button"]?.GetValue<string>(),
        };
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string Channel { get; set; } = ChannelNames.WhatsApp;

        public long At { get; set; }

        public string Payload { get; set; } = "";

        public string? Status { get; set; }
    }
}
