using System.Text.Json;
using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Persistence;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Inbox;

/// <summary>
/// The dedupe of customer messages on (business, external id). A message is handed off once: the first delivery records
/// and claims it; a redelivery finds it handled (or being handled) and is dropped. A hand-off that fails releases the
/// claim, so the retry of its webhook hands it off again instead of being blocked by the dedupe.
/// </summary>
internal sealed class InboundMessageStore(ChannelsDatabase database, TimeProvider clock, IOptions<ChannelsOptions> options)
{
    private const string Claim = """
        INSERT INTO channel_inbound_messages (business_id, external_id, channel, sender, type, sent_at, received_at, inbox_id, payload, claimed_until, handled_at)
        VALUES (@BusinessId, @ExternalId, @Channel, @Sender, @Type, @SentAt, @Now, @InboxId, @Payload, @Until, NULL)
        ON CONFLICT (business_id, external_id) DO UPDATE SET claimed_until = excluded.claimed_until
        WHERE channel_inbound_messages.handled_at IS NULL
          AND (channel_inbound_messages.claimed_until IS NULL OR channel_inbound_messages.claimed_until <= @Now)
        """;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True when this caller should hand the message off now; false for a duplicate.</summary>
    public async Task<bool> TryClaimAsync(InboundMessage message, string inboxId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var parameters = new
        {
            message.BusinessId,
            message.ExternalId,
            Channel = JsonSerializer.Serialize(message.Channel).Trim('"'),
            Sender = message.From,
            Type = JsonSerializer.Serialize(message.Type).Trim('"'),
            SentAt = message.Timestamp.ToUnixTimeMilliseconds(),
            Now = now,
            InboxId = inboxId,
            Payload = JsonSerializer.Serialize(message, Json),
            Until = now + (long)options.Value.Inbox.Lease.TotalMilliseconds,
        };
        var affected = await database.RunAsync(
            write: true, (connection, token) => connection.ExecuteAsync(new CommandDefinition(Claim, parameters, cancellationToken: token)), cancellationToken);
        if (affected == 1)
        {
            return true;
        }

        // Not claimed: either handled (a true duplicate) or claimed by a hand-off that has not finished. The latter may
        // be a node killed mid-hand-off whose claim outlives the inbox row's lease: dropping the message then loses it,
        // so the caller must retry later instead.
        var handled = await database.RunAsync(
            write: false,
            (connection, token) => connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM channel_inbound_messages WHERE business_id = @BusinessId AND external_id = @ExternalId AND handled_at IS NOT NULL",
                new { message.BusinessId, message.ExternalId }, cancellationToken: token)),
            cancellationToken);
        return handled > 0 ? false : throw new MessageBeingHandledException(message.ExternalId);
    }

    public Task CompleteAsync(InboundMessage message, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE channel_inbound_messages SET handled_at = @Now, claimed_until = NULL WHERE business_id = @BusinessId AND external_id = @ExternalId",
            message, cancellationToken);

    public Task ReleaseAsync(InboundMessage message, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE channel_inbound_messages SET claimed_until = NULL WHERE business_id = @BusinessId AND external_id = @ExternalId AND handled_at IS NULL",
            message, cancellationToken);

    private Task<int> ExecuteAsync(string sql, InboundMessage message, CancellationToken cancellationToken)
    {
        var parameters = new { message.BusinessId, message.ExternalId, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        return database.RunAsync(
            write: true, (connection, token) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: token)), cancellationToken);
    }
}

/// <summary>Another hand-off of the same message holds a live claim: the webhook is retried after a backoff.</summary>
internal sealed class MessageBeingHandledException(string externalId)
    : Exception($"Message {externalId} is being handed off by another worker (or one that died); retried after its claim lapses.");
