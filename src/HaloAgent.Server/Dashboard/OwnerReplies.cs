using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Tells the owner's replies from the agent's. Both are ordinary outbox rows; the dashboard queues its replies under an
/// idempotency key with <see cref="KeyPrefix"/>, so the author is recorded with the message and needs no table of its own.
/// The outbox lives in the same database as commerce (one connection string for every module), so it is read here.
/// </summary>
public sealed class OwnerReplies(IDbContextFactory<CommerceDbContext> factory)
{
    public const string KeyPrefix = "dashboard-reply:";

    /// <param name="requestKey">The client's Idempotency-Key (a retried request sends once) or a fresh id.</param>
    public static string Key(string contactId, string requestKey) => $"{KeyPrefix}{contactId}:{requestKey}";

    /// <summary>Outbox ids of the owner's replies to <paramref name="recipient"/> (the contact's channel key).</summary>
    public async Task<HashSet<string>> IdsAsync(string businessId, string recipient, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pattern = KeyPrefix + "%";
        var ids = await db.Database
            .SqlQuery<string>($"SELECT id AS \"Value\" FROM outbound_messages WHERE business_id = {businessId} AND recipient = {recipient} AND idempotency_key LIKE {pattern}")
            .ToListAsync(cancellationToken);
        return ids.ToHashSet(StringComparer.Ordinal);
    }
}
