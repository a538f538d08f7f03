using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.WebChat;
using System.Data.Common;

namespace HaloAgent.Channels.Outbox;

/// <summary>The outbox insert, shared by <see cref="Outbox"/> and the engine-transaction <see cref="SendMessageWriteHandler"/>.</summary>
internal static class OutboxSql
{
    /// <summary>Rows a sender still has to deal with (partial-index filter; same text on both providers).</summary>
    public const string PendingFilter = "status IN ('queued', 'sending')";

    private const string Columns =
        "id, business_id, recipient, idempotency_key, channel, message_type, payload, template_language, status, attempts, next_attempt_at, biz_opaque_callback_data, created_at, updated_at";

    private const string InsertOne = $"""
        INSERT INTO outbound_messages ({Columns})
        VALUES (@Id, @BusinessId, @Recipient, @IdempotencyKey, @Channel, @MessageType, @Payload, @TemplateLanguage, 'queued', 0, @Now, @BizOpaqueCallbackData, @Now, @Now)
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    private const string InsertMany = $"""
        INSERT INTO outbound_messages ({Columns})
        SELECT u.id, u.business_id, u.recipient, u.idempotency_key, u.channel, u.message_type, u.payload, u.template_language, 'queued', 0, @Now, u.opaque, @Now, @Now
        FROM unnest(@Ids, @BusinessIds, @Recipients, @Keys, @Channels, @Types, @Payloads, @Languages, @Opaques)
             AS u(id, business_id, recipient, idempotency_key, channel, message_type, payload, template_language, opaque)
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    /// <summary>Validates the message (content limits, recipient, key) and builds its row. Throws <see cref="ArgumentException"/>.</summary>
    public static OutboxInsert Prepare(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.BusinessId, nameof(message.BusinessId));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey, nameof(message.IdempotencyKey));
        ArgumentNullException.ThrowIfNull(message.Content, nameof(message.Content));
        message.Content.EnsureValid();
        var recipient = Recipient(message);
        if (message.BizOpaqueCallbackData?.Length > WhatsAppLimits.BizOpaqueCallbackData)
        {
            throw new ArgumentException($"biz_opaque_callback_data is limited to {WhatsAppLimits.BizOpaqueCallbackData} characters.", nameof(message));
        }

        return new OutboxInsert(
            MonotonicId.Next(),
            message.BusinessId,
            recipient,
            message.IdempotencyKey,
            ChannelNames.Of(message.Channel),
            message.Content.MessageType,
            message.Content.ToGraphRequest(recipient, message.BizOpaqueCallbackData).ToJsonString(),
            message.BizOpaqueCallbackData,
            message.TemplateLanguage);
    }

    /// <summary>A phone channel needs the international number; web chat its visitor's contact key.</summary>
    private static string Recipient(OutboundMessage message)
    {
        if (message.Channel == ChannelKind.WebChat)
        {
            return WebChatSession.FromContactKey(message.To) is not null
                ? message.To
                : throw new ArgumentException($"'{message.To}' is not a web chat contact key (web:<session id>).", nameof(message));
        }

        return WhatsAppId.Normalize(message.To)
            ?? throw new ArgumentException($"'{message.To}' is not a WhatsApp id: the customer's international number is needed (e.g. 2348030000001).", nameof(message));
    }

    /// <summary>Inserts the rows whose key is new; a known key is left as it is.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, bool postgres, IReadOnlyList<OutboxInsert> rows, long now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (postgres && rows.Count > 1)
        {
            // One round trip for the whole batch.
            await connection.ExecuteAsync(new CommandDefinition(InsertMany, new
            {
                Now = now,
                Ids = rows.Select(r => r.Id).ToArray(),
                BusinessIds = rows.Select(r => r.BusinessId).ToArray(),
                Recipients = rows.Select(r => r.Recipient).ToArray(),
                Keys = rows.Select(r => r.IdempotencyKey).ToArray(),
                Channels = rows.Select(r => r.Channel).ToArray(),
                Types = rows.Select(r => r.MessageType).ToArray(),
                Payloads = rows.Select(r => r.Payload).ToArray(),
                Languages = rows.Select(r => r.TemplateLanguage).ToArray(),
                Opaques = rows.Select(r => r.BizOpaqueCallbackData).ToArray(),
            }, transaction, cancellationToken: cancellationToken));
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            InsertOne,
            rows.Select(r => new { r.Id, r.BusinessId, r.Recipient, r.IdempotencyKey, r.Channel, r.MessageType, r.Payload, r.TemplateLanguage, r.BizOpaqueCallbackData, Now = now }).ToList(),
            transaction,
            cancellationToken: cancellationToken));
    }
}
