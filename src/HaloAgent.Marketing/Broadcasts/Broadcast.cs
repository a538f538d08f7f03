namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// One campaign: an approved template sent to a segment. Draft → scheduled → sending → completed, or paused (by the
/// marketer, a template Meta paused, or a template error), cancelled or failed. Times are Unix ms.
/// </summary>
public sealed class Broadcast
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string Name { get; set; }

    /// <summary>The saved segment it goes to; null for every contact.</summary>
    public string? SegmentId { get; set; }

    public required string TemplateName { get; set; }

    /// <summary>Meta's language code used for a customer whose language has no approved template (Meta approves no Yoruba, Igbo or Pidgin).</summary>
    public required string FallbackLanguage { get; set; }

    /// <summary>Body parameters as a JSON array of strings; <c>{name}</c> in one is the customer's first name.</summary>
    public string Parameters { get; set; } = "[]";

    public string Status { get; set; } = BroadcastStatus.Draft;

    /// <summary>Why it is paused or failed, in words for the marketer.</summary>
    public string? StatusReason { get; set; }

    public long? ScheduledAt { get; set; }

    /// <summary>Recipients are written once, when sending starts (the audience as it is then).</summary>
    public bool Materialized { get; set; }

    /// <summary>Nothing is sent before this (quiet hours, the messaging limit); null when not held.</summary>
    public long? HeldUntil { get; set; }

    public string? HeldReason { get; set; }

    /// <summary>The node sending it and until when: one node sends a broadcast at a time.</summary>
    public string? LeaseOwner { get; set; }

    public long? LeaseUntil { get; set; }

    public string? CreatedBy { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? StartedAt { get; set; }

    public long? CompletedAt { get; set; }
}

/// <summary>A broadcast's states (stored as these words).</summary>
public static class BroadcastStatus
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Sending = "sending";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    /// <summary>States a marketer can still cancel.</summary>
    public static readonly IReadOnlySet<string> Open = new HashSet<string> { Draft, Scheduled, Sending, Paused };
}
