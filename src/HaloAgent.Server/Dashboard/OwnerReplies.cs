using HaloAgent.Channels.Outbox;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Tells the owner's replies from the agent's. Both are ordinary outbox rows; the dashboard queues its replies under an
/// idempotency key with <see cref="KeyPrefix"/>, so the author is recorded with the message and needs no table of its own.
/// </summary>
public sealed class OwnerReplies(OutboxQueries outbox)
{
    public const string KeyPrefix = "dashboard-reply:";

    /// <param name="requestKey">The client's Idempotency-Key (a retried request sends once) or a fresh id.</param>
    public static string Key(string contactId, string requestKey) => $"{KeyPrefix}{contactId}:{requestKey}";

    /// <summary>Outbox ids of the owner's replies to <paramref name="recipient"/> (the contact's channel key).</summary>
    public async Task<HashSet<string>> IdsAsync(string businessId, string recipient, CancellationToken cancellationToken) =>
        (await outbox.IdsByKeyPrefixAsync(businessId, recipient, KeyPrefix, cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
