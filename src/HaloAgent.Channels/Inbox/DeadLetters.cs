using Dapper;
using HaloAgent.Channels.Persistence;

namespace HaloAgent.Channels.Inbox;

/// <summary>
/// Webhook events that can never be handled as they are (status <c>dead</c> in <c>webhook_inbox</c>, with the reason):
/// listed for the platform admin with a redacted excerpt, re-queued (e.g. after the business's number was registered)
/// or discarded. A re-queued event goes through the same dedupe, so its messages that were handled are not repeated.
/// </summary>
public sealed class DeadLetters
{
    public const string Dead = "dead";
    public const int MaxPageSize = 200;

    private readonly ChannelsDatabase _database;
    private readonly InboxSignal _signal;
    private readonly TimeProvider _clock;

    internal DeadLetters(ChannelsDatabase database, InboxSignal signal, TimeProvider clock)
    {
        _database = database;
        _signal = signal;
        _clock = clock;
    }

    /// <summary>Newest first.</summary>
    public async Task<DeadLetterPage> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, MaxPageSize);
        var (total, rows) = await _database.RunAsync(
            write: false,
            async (connection, token) =>
            {
                var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM webhook_inbox WHERE status = @Dead", new { Dead }, cancellationToken: token));
                var page = await connection.QueryAsync<DeadLetterRow>(new CommandDefinition(
                    """
                    SELECT id AS Id, provider AS Provider, body AS Body, error AS Error, received_at AS ReceivedAt, processed_at AS ProcessedAt,
                           attempts AS Attempts, pruned_at AS PrunedAt
                    FROM webhook_inbox WHERE status = @Dead
                    ORDER BY received_at DESC, id DESC
                    LIMIT @Take OFFSET @Skip
                    """,
                    new { Dead, Take = take, Skip = skip }, cancellationToken: token));
                return (count, page.ToList());
            },
            cancellationToken);
        var items = rows.Select(r => new DeadLetter(
            r.Id,
            r.Provider,
            r.Error ?? "",
            DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAt),
            r.ProcessedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            r.Attempts,
            r.PrunedAt is null ? DeadLetterExcerpt.Of(r.Provider, r.Body) : null,
            r.PrunedAt is not null)).ToList();
        return new DeadLetterPage(items, total, skip, take);
    }

    /// <summary>Puts a dead letter back in the queue, to be processed at once.</summary>
    public async Task<RequeueResult> RequeueAsync(string id, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var (updated, pruned) = await _database.RunAsync(
            write: true,
            async (connection, token) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE webhook_inbox SET status = 'pending', processed_at = NULL, next_attempt_at = @Now, attempts = 0, error = NULL
                    WHERE id = @Id AND status = @Dead AND pruned_at IS NULL
                    """,
                    new { Id = id, Dead, Now = now }, cancellationToken: token));
                var isPruned = changed == 0 && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM webhook_inbox WHERE id = @Id AND status = @Dead AND pruned_at IS NOT NULL", new { Id = id, Dead }, cancellationToken: token)) > 0;
                return (changed, isPruned);
            },
            cancellationToken);
        if (updated == 1)
        {
            _signal.Notify();
            return RequeueResult.Requeued;
        }

        return pruned ? RequeueResult.BodyPruned : RequeueResult.NotFound;
    }

    /// <summary>Deletes a dead letter (dedupe does not depend on it: handled messages are remembered on their own).</summary>
    public async Task<bool> DiscardAsync(string id, CancellationToken cancellationToken) =>
        await _database.RunAsync(
            write: true,
            (connection, token) => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM webhook_inbox WHERE id = @Id AND status = @Dead", new { Id = id, Dead }, cancellationToken: token)),
            cancellationToken) == 1;

    private sealed class DeadLetterRow
    {
        public string Id { get; set; } = "";

        public string Provider { get; set; } = "";

        public byte[] Body { get; set; } = [];

        public string? Error { get; set; }

        public long ReceivedAt { get; set; }

        public long? ProcessedAt { get; set; }

        public int Attempts { get; set; }

        public long? PrunedAt { get; set; }
    }
}

/// <param name="Channel">The provider that delivered it: whatsapp, twilio or webchat.</param>
/// <param name="Excerpt">The body's start with every value that could be personal replaced by its length; null once the body was pruned.</param>
public sealed record DeadLetter(
    string Id, string Channel, string Reason, DateTimeOffset ReceivedAt, DateTimeOffset? DeadAt, int Attempts, string? Excerpt, bool BodyPruned);

public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, long Total, int Skip, int Take);

public enum RequeueResult
{
    Requeued,
    NotFound,

    /// <summary>The body is gone (retention): there is nothing left to process.</summary>
    BodyPruned,
}
