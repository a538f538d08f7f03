using Dapper;
using HaloAgent.Channels.Persistence;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Reads over the outbox for views of it (the owner's dashboard): which messages were queued under a given kind of
/// idempotency key, and what was queued lately. Sending and its state stay behind <see cref="IOutbox"/>.
/// </summary>
public sealed class OutboxQueries
{
    // substr, not LIKE: the prefix is matched literally and case-sensitively on both providers (LIKE reads '%' and '_'
    // in a prefix as wildcards, and on SQLite ignores ASCII case).
    private const string IdsByKeyPrefixSql = """
        SELECT id FROM outbound_messages
        WHERE business_id = @BusinessId AND recipient = @Recipient AND substr(idempotency_key, 1, length(@Prefix)) = @Prefix
        """;

    // By the time-ordered primary key, which has an index of its own; created_at is only indexed behind the recipient.
    private const string QueuedSinceSql = """
        SELECT id AS Id, recipient AS Recipient, created_at AS CreatedAt FROM outbound_messages
        WHERE id >= @Floor AND business_id = @BusinessId
        ORDER BY id
        """;

    private readonly ChannelsDatabase _database;

    internal OutboxQueries(ChannelsDatabase database) => _database = database;

    /// <summary>
    /// Ids of the messages to <paramref name="recipient"/> (a channel key: wa_id or web chat key) whose idempotency key
    /// starts with <paramref name="keyPrefix"/>, whatever their status. A caller that queues under its own prefix
    /// records who wrote a message with the message itself.
    /// </summary>
    public async Task<IReadOnlyList<string>> IdsByKeyPrefixAsync(string businessId, string recipient, string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        var parameters = new { BusinessId = businessId, Recipient = recipient, Prefix = keyPrefix };
        var ids = await _database.RunAsync(
            write: false,
            (connection, token) => connection.QueryAsync<string>(new CommandDefinition(IdsByKeyPrefixSql, parameters, cancellationToken: token)),
            cancellationToken);
        return ids.ToList();
    }

    /// <summary>
    /// Every message of the business queued at or after <paramref name="since"/>, whatever its status now, oldest first.
    /// Each node stamps with its own clock: a reader that polls should re-read a little before its last look.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> QueuedSinceAsync(string businessId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var parameters = new { BusinessId = businessId, Floor = MonotonicId.Floor(since) };
        var rows = await _database.RunAsync(
            write: false,
            (connection, token) => connection.QueryAsync<Row>(new CommandDefinition(QueuedSinceSql, parameters, cancellationToken: token)),
            cancellationToken);
        return rows
            .Select(r => new OutboxEntry(r.Id, r.Recipient, MonotonicId.TimeOf(r.Id) ?? DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt)))
            .ToList();
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";

        public string Recipient { get; set; } = "";

        public long CreatedAt { get; set; }
    }
}
