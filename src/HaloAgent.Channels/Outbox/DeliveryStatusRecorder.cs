using HaloAgent.Platform.Messaging;
using System.Data.Common;
using Dapper;
using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Persistence;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Records delivery reports once per (wamid, status) and moves the outbound message on. Reports arrive in any order and
/// more than once, so the message's status only ever moves up the rank sent &lt; failed &lt; delivered &lt; read: a late
/// "delivered" never overwrites "read", and a report that reached the phone outranks a stale failure. A report that
/// arrives before the sender recorded the wamid is stored and applied when it does.
/// </summary>
internal sealed class DeliveryStatusRecorder(ChannelsDatabase database, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO channel_status_events (wamid, status, occurred_at, recipient_id, error_code, error_title, biz_opaque_callback_data, received_at, inbox_id)
        VALUES (@Wamid, @Status, @OccurredAt, @RecipientId, @ErrorCode, @ErrorTitle, @Opaque, @Now, @InboxId)
        ON CONFLICT (wamid, status) DO NOTHING
        """;

    private const string RankOfStatus = "CASE status WHEN 'sent' THEN 1 WHEN 'failed' THEN 2 WHEN 'delivered' THEN 3 WHEN 'read' THEN 4 ELSE 0 END";

    /// <summary>True when the report is new (and was applied); false for a redelivery.</summary>
    public Task<bool> RecordAsync(StatusUpdate update, string inboxId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var error = update.Errors.FirstOrDefault();
        var status = update.Status.ToWire();
        var occurredAt = update.Timestamp.ToUnixTimeMilliseconds();
        return database.WriteAsync(async scope =>
        {
            var inserted = await scope.Connection.ExecuteAsync(scope.Command(Insert, new
            {
                Wamid = update.MessageId,
                Status = status,
                OccurredAt = occurredAt,
                update.RecipientId,
                ErrorCode = error?.Code,
                ErrorTitle = error?.Title,
                Opaque = update.BizOpaqueCallbackData,
                Now = now,
                InboxId = inboxId,
            }));
            if (inserted == 0)
            {
                return false;
            }

            await ApplyAsync(scope.Connection, scope.Transaction, update.MessageId, status, occurredAt, error?.Code, error?.Title, error?.Details, now, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Applies the best report already stored for <paramref name="wamid"/> (called when the sender learns the wamid).</summary>
    public static async Task ApplyStoredAsync(DbConnection connection, DbTransaction transaction, string wamid, long now, CancellationToken cancellationToken)
    {
        var best = await connection.QueryFirstOrDefaultAsync<StoredStatus>(new CommandDefinition(
            $"SELECT status AS Status, occurred_at AS OccurredAt, error_code AS ErrorCode, error_title AS ErrorTitle FROM channel_status_events WHERE wamid = @Wamid ORDER BY {RankOfStatus} DESC",
            new { Wamid = wamid }, transaction, cancellationToken: cancellationToken));
        if (best is not null)
        {
            await ApplyAsync(connection, transaction, wamid, best.Status, best.OccurredAt, best.ErrorCode, best.ErrorTitle, null, now, cancellationToken);
        }
    }

    private static Task ApplyAsync(
        DbConnection connection, DbTransaction transaction, string wamid, string status, long occurredAt, int? errorCode, string? errorTitle, string? errorDetails, long now,
        CancellationToken cancellationToken)
    {
        var failed = status == "failed";
        var sql = $"""
            UPDATE outbound_messages SET status = @Status, status_at = @OccurredAt, updated_at = @Now
            {(failed ? ", error_code = @ErrorCode, error_title = @ErrorTitle, error_detail = @ErrorDetail" : "")}
            WHERE wamid = @Wamid AND {RankOfStatus} < @Rank
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            Status = status,
            OccurredAt = occurredAt,
            Now = now,
            ErrorCode = errorCode,
            ErrorTitle = errorTitle,
            ErrorDetail = MetaErrors.Explain(errorCode) ?? errorDetails,
            Wamid = wamid,
            Rank = status switch { "sent" => 1, "failed" => 2, "delivered" => 3, "read" => 4, _ => 0 },
        }, transaction, cancellationToken: cancellationToken));
    }

    private sealed class StoredStatus
    {
        public string Status { get; set; } = "";

        public long OccurredAt { get; set; }

        public int? ErrorCode { get; set; }

        public string? ErrorTitle { get; set; }
    }
}
