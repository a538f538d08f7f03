namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// One contact of one broadcast: a durable row written when sending starts, so a node that dies mid-send leaves the
/// rest to another node, and <see cref="IdempotencyKey"/> on the outbox makes each send happen once.
/// </summary>
public sealed class BroadcastRecipient
{
    public required string Id { get; set; }

    public required string BroadcastId { get; set; }

    public required string BusinessId { get; set; }

    public required string ContactId { get; set; }

    /// <summary>The contact's key on their channel (wa_id, web chat key) when the broadcast started.</summary>
    public required string Address { get; set; }

    public required string Channel { get; set; }

    /// <summary>The customer's language (en, pcm, yo, ig, ha).</summary>
    public required string Language { get; set; }

    /// <summary>Meta's code of the template language chosen for them; null when skipped for want of one.</summary>
    public string? TemplateLanguage { get; set; }

    public string Status { get; set; } = RecipientStatus.Pending;

    /// <summary>Why skipped or failed, in words.</summary>
    public string? Reason { get; set; }

    public int? ErrorCode { get; set; }

    /// <summary>0 for the first send; "retry failed" queues attempt 1, 2 under new keys.</summary>
    public int Attempt { get; set; }

    public long? NotBefore { get; set; }

    public long? QueuedAt { get; set; }

    public long? SentAt { get; set; }

    public long? DeliveredAt { get; set; }

    public long? ReadAt { get; set; }

    public long? FailedAt { get; set; }

    public long? RepliedAt { get; set; }

    public long? OrderedAt { get; set; }

    public long? RevenueKobo { get; set; }

    /// <summary>When its delivery and engagement were last looked at (the tracker takes the stalest first).</summary>
    public long CheckedAt { get; set; }

    public long UpdatedAt { get; set; }

    public string IdempotencyKey => Attempt == 0 ? $"bc:{BroadcastId}:{ContactId}" : $"bc:{BroadcastId}:{ContactId}:{Attempt}";
}

/// <summary>A recipient's states (stored as these words).</summary>
public static class RecipientStatus
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    /// <summary>Meta's per-user marketing cap (131049): not a failure of ours, retried at most twice, a day later.</summary>
    public const string Limited = "limited";

    public static readonly IReadOnlyList<string> All = [Pending, Queued, Sent, Delivered, Read, Failed, Skipped, Limited];

    /// <summary>Handed to the outbox and not yet final: the tracker follows these.</summary>
    public static readonly IReadOnlyList<string> InFlight = [Queued, Sent, Delivered];

    /// <summary>Counted by the frequency cap and the messaging limit: the message went out (or is going).</summary>
    public static readonly IReadOnlyList<string> Reached = [Queued, Sent, Delivered, Read];
}
