using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;

namespace HaloAgent.Channels.History;

/// <summary>
/// Anonymises one customer's conversation for an erasure (a customer's history is never deleted; see
/// <see cref="ConversationPurge"/> for sandboxes). Handled inbound messages and finished outbound ones (sent, delivered,
/// read, failed) keep their shape (ids, channel, time, type) so the log still reads, lose their text and the number,
/// and are filed under a replacement key; delivery reports lose the recipient's number.
/// </summary>
/// <remarks>
/// Left untouched: messages still being handed off or queued for sending (a processor holds them and they finish within
/// seconds; rewriting them under it is not safe), and the raw signed webhook bodies in <c>webhook_inbox</c> (one body
/// may bundle several customers' messages and is the evidence of what Meta sent; retention purges them, nothing edits them).
/// </remarks>
public sealed class ConversationRedaction
{
    /// <summary>What a redacted message says.</summary>
    public const string RedactedText = "[erased]";

    private const string HandledInboundSql = """
        SELECT external_id AS Id, payload AS Payload FROM channel_inbound_messages
        WHERE business_id = @BusinessId AND sender = @Contact AND handled_at IS NOT NULL
        """;

    private const string RedactInboundSql =
        "UPDATE channel_inbound_messages SET sender = @Key, payload = @Payload WHERE business_id = @BusinessId AND external_id = @Id";

    private const string RedactOutboundSql = """
        UPDATE outbound_messages SET recipient = @Key, message_type = 'text', payload = @Payload, biz_opaque_callback_data = NULL
        WHERE business_id = @BusinessId AND recipient = @Contact AND status IN ('sent', 'delivered', 'read', 'failed')
        """;

    private const string RedactStatusEventsSql = """
        UPDATE channel_status_events SET recipient_id = NULL
        WHERE wamid IN (SELECT wamid FROM outbound_messages WHERE business_id = @BusinessId AND recipient = @Key AND wamid IS NOT NULL)
        """;

    // A picture is the customer's own content and has no shape worth keeping: it goes. (A receipt the payment flow read
    // was copied to the payment, whose erasure is the payments module's.)
    private const string DeleteImagesSql = "DELETE FROM webchat_images WHERE business_id = @BusinessId AND sender = @Contact";

    private static readonly string[] InboundPersonalFields = ["profileName", "userId", "text", "reply", "media", "location", "order", "contextMessageId"];

    internal ConversationRedaction()
    {
    }

    /// <summary>
    /// Redacts the messages with <paramref name="contactKey"/> (wa_id or web chat key) and files them under
    /// <paramref name="replacementKey"/>. Redacting again finds nothing more under the old key.
    /// </summary>
    /// <remarks>
    /// Runs on the caller's connection and transaction (the channels share the database with every module), so an
    /// erasure that also anonymises the contact elsewhere commits or rolls back as one. The caller has passed the
    /// engine's write gate (SQLite) before beginning the transaction, and commits it.
    /// </remarks>
    public async Task RedactAsync(
        DbConnection connection, DbTransaction transaction, string businessId, string contactKey, string replacementKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentException.ThrowIfNullOrEmpty(replacementKey);

        CommandDefinition Command(string sql, object parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);

        var inbound = (await connection.QueryAsync<Row>(Command(HandledInboundSql, new { BusinessId = businessId, Contact = contactKey }))).ToList();
        if (inbound.Count > 0)
        {
            // One statement per message: each payload is rewritten on its own.
            await connection.ExecuteAsync(Command(
                RedactInboundSql,
                inbound.Select(r => new { Key = replacementKey, Payload = RedactInbound(r.Payload, replacementKey), BusinessId = businessId, r.Id }).ToList()));
        }

        await connection.ExecuteAsync(Command(DeleteImagesSql, new { BusinessId = businessId, Contact = contactKey }));
        await connection.ExecuteAsync(Command(
            RedactOutboundSql, new { Key = replacementKey, Payload = RedactedOutbound(replacementKey), BusinessId = businessId, Contact = contactKey }));

        // After the outbound rows moved to the replacement key, so reports of messages redacted earlier are covered too.
        await connection.ExecuteAsync(Command(RedactStatusEventsSql, new { BusinessId = businessId, Key = replacementKey }));
    }

    private static string RedactInbound(string payload, string key)
    {
        var node = JsonNode.Parse(payload) as JsonObject ?? [];
        foreach (var field in InboundPersonalFields)
        {
            node.Remove(field);
        }

        node["from"] = key;
        node["text"] = RedactedText;
        return node.ToJsonString();
    }

    private static string RedactedOutbound(string key) => new JsonObject
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = key,
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = RedactedText },
    }.ToJsonString();

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string Payload { get; set; } = "";
    }
}
