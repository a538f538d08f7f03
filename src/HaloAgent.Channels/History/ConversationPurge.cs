using Dapper;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Webhooks;

namespace HaloAgent.Channels.History;

/// <summary>
/// Deletes one conversation's channel records: the customer's messages (and, for web chat, the stored posts they came
/// from), the replies in the outbox and their delivery reports. For conversations that were never a customer's (a
/// Studio test run's sandbox); a customer's history is erased by anonymising it, never deleted.
/// </summary>
/// <remarks>
/// A WhatsApp or Twilio webhook body in <c>webhook_inbox</c> may bundle several customers' messages and stays; a web chat
/// post holds exactly one message, so it goes with it.
/// </remarks>
public sealed class ConversationPurge
{
    private const string Sql = """
        DELETE FROM webhook_inbox WHERE provider = @WebChat AND id IN (SELECT inbox_id FROM channel_inbound_messages WHERE business_id = @BusinessId AND sender = @Contact);
        DELETE FROM channel_status_events WHERE wamid IN (SELECT wamid FROM outbound_messages WHERE business_id = @BusinessId AND recipient = @Contact AND wamid IS NOT NULL);
        DELETE FROM outbound_messages WHERE business_id = @BusinessId AND recipient = @Contact;
        DELETE FROM channel_inbound_messages WHERE business_id = @BusinessId AND sender = @Contact;
        DELETE FROM webchat_images WHERE business_id = @BusinessId AND sender = @Contact;
        """;

    private readonly ChannelsDatabase _database;

    internal ConversationPurge(ChannelsDatabase database) => _database = database;

    /// <summary>Idempotent: purging again (or a conversation that has nothing) deletes nothing more.</summary>
    public Task PurgeAsync(string businessId, string contactKey, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            scope => scope.Connection.ExecuteAsync(scope.Command(Sql, new { WebChat = WebhookProviders.WebChat, BusinessId = businessId, Contact = contactKey })),
            cancellationToken);
}
