using Dapper;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Channels.Persistence;

namespace HaloAgent.Channels.Outbox;

/// <summary>The outbox table behind <see cref="IOutbox"/>.</summary>
internal sealed class Outbox(ChannelsDatabase database, TimeProvider clock, OutboxSignal signal) : IOutbox
{
    private const string Select = """
        SELECT id AS Id, business_id AS BusinessId, recipient AS Recipient, idempotency_key AS IdempotencyKey, payload AS Payload, status AS Status,
               attempts AS Attempts, next_attempt_at AS NextAttemptAt, wamid AS Wamid, error_code AS ErrorCode, error_title AS ErrorTitle,
               error_detail AS ErrorDetail, biz_opaque_callback_data AS BizOpaqueCallbackData, status_at AS StatusAt, created_at AS CreatedAt
        FROM outbound_messages
        """;

    public async Task<EnqueueResult> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var row = OutboxSql.Prepare(message);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var id = await database.WriteAsync(async scope =>
        {
            await OutboxSql.InsertAsync(scope.Connection, scope.Transaction, database.Dialect.Provider == DatabaseProvider.Postgres, [row], now, scope.CancellationToken);
            return await scope.Connection.QuerySingleAsync<string>(scope.Command(
                "SELECT id FROM outbound_messages WHERE idempotency_key = @Key", new { Key = row.IdempotencyKey }));
        }, cancellationToken);

        var created = id == row.Id;
        if (created)
        {
            signal.Notify();
        }

        return new EnqueueResult(id, created);
    }

    public async Task<IReadOnlyDictionary<string, string>> EnqueueManyAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<OutboxInsert>(messages.Count);
        foreach (var message in messages)
        {
            try
            {
                rows.Add(OutboxSql.Prepare(message));
            }
            catch (ArgumentException invalid)
            {
                refused[message.IdempotencyKey] = invalid.Message;
            }
        }

        if (rows.Count > 0)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var postgres = database.Dialect.Provider == DatabaseProvider.Postgres;
            await database.WriteAsync(async scope =>
            {
                await OutboxSql.InsertAsync(scope.Connection, scope.Transaction, postgres, rows, now, scope.CancellationToken);
                return rows.Count;
            }, cancellationToken);
            signal.Notify();
        }

        return refused;
    }

    public Task<OutboundMessageState?> GetAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE id = @Value", id, cancellationToken);

    public Task<OutboundMessageState?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE idempotency_key = @Value", idempotencyKey, cancellationToken);

    public async Task<IReadOnlyList<OutboundMessageState>> FindByIdempotencyKeysAsync(
        IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(idempotencyKeys.Count, IOutbox.MaxKeysPerLookup, nameof(idempotencyKeys));
        if (idempotencyKeys.Count == 0)
        {
            return [];
        }

        // Dapper expands "IN @Keys" into a list on SQLite but passes an array as is to Npgsql ("IN $1": a syntax error).
        var keys = database.Dialect.Provider == DatabaseProvider.Postgres ? "= ANY(@Keys)" : "IN @Keys";
        var rows = await database.RunAsync(
            write: false,
            (connection, token) => connection.QueryAsync<StateRow>(new CommandDefinition(
                $"{Select} WHERE idempotency_key {keys}", new { Keys = idempotencyKeys.ToArray() }, cancellationToken: token)),
            cancellationToken);
        return rows.Select(State).ToList();
    }

    private async Task<OutboundMessageState?> QueryAsync(string sql, string value, CancellationToken cancellationToken)
    {
        var row = await database.RunAsync(
            write: false,
            (connection, token) => connection.QuerySingleOrDefaultAsync<StateRow>(new CommandDefinition(sql, new { Value = value }, cancellationToken: token)),
            cancellationToken);
        return row is null ? null : State(row);
    }

    private static OutboundMessageState State(StateRow row) => new OutboundMessageState
        {
            Id = row.Id,
            BusinessId = row.BusinessId,
            To = row.Recipient,
            IdempotencyKey = row.IdempotencyKey,
            Payload = row.Payload,
            Status = Enum.Parse<OutboundStatus>(row.Status, ignoreCase: true),
            Attempts = row.Attempts,
            Wamid = row.Wamid,
            ErrorCode = row.ErrorCode,
            ErrorTitle = row.ErrorTitle,
            ErrorDetail = row.ErrorDetail,
            BizOpaqueCallbackData = row.BizOpaqueCallbackData,
            StatusAt = row.StatusAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(row.NextAttemptAt),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
        };

    private sealed class StateRow
    {
        public string Id { get; set; } = "";

        public string BusinessId { get; set; } = "";

        public string Recipient { get; set; } = "";

        public string IdempotencyKey { get; set; } = "";

        public string Payload { get; set; } = "";

        public string Status { get; set; } = "";

        public int Attempts { get; set; }

        public long NextAttemptAt { get; set; }

        public string? Wamid { get; set; }

        public int? ErrorCode { get; set; }

        public string? ErrorTitle { get; set; }

        public string? ErrorDetail { get; set; }

        public string? BizOpaqueCallbackData { get; set; }

        public long? StatusAt { get; set; }

        public long CreatedAt { get; set; }
    }
}
