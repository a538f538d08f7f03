namespace HaloAgent.Marketing.Broadcasts;

/// <summary>What a marketer sends to create or change a draft.</summary>
public sealed record BroadcastInput(string? Name, string? SegmentId, string? TemplateName, string? FallbackLanguage, IReadOnlyList<string>? Parameters);

/// <summary>A refused change: the fields at fault and why (or a state that does not allow it).</summary>
public sealed class BroadcastRejectedException(IDictionary<string, string[]> errors) : Exception("The broadcast was not changed.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static BroadcastRejectedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>How far a broadcast has got: recipients per status and the funnel with attributed revenue.</summary>
public sealed record BroadcastCounts(
    int Total, IReadOnlyDictionary<string, int> ByStatus, int Sent, int Delivered, int Read, int Replied, int Ordered, long RevenueKobo,
    IReadOnlyDictionary<string, int> SkippedByReason);

public sealed record BroadcastView(
    string Id, string Name, string? SegmentId, string TemplateName, string FallbackLanguage, IReadOnlyList<string> Parameters,
    string Status, string? StatusReason, DateTimeOffset? ScheduledAt, DateTimeOffset? HeldUntil, string? HeldReason,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CreatedBy, BroadcastCounts Counts, long CostKobo);

public sealed record RecipientView(
    string ContactId, string Address, string Channel, string Language, string? TemplateLanguage, string Status, string? Reason, int? ErrorCode,
    int Attempt, DateTimeOffset? QueuedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? ReadAt,
    DateTimeOffset? RepliedAt, DateTimeOffset? OrderedAt, long? RevenueKobo);

/// <summary>What would happen if the broadcast went now.</summary>
public sealed record Preflight(
    int Audience, int WillSend, IReadOnlyDictionary<string, int> Skipped, IReadOnlyDictionary<string, int> ByLanguage,
    IReadOnlyDictionary<string, int> ByChannel, int OutsideWindow, int MessagingLimit, int ReachedLast24Hours, bool FitsMessagingLimit,
    string Category, long CostKobo, DateTimeOffset? HeldUntil, IReadOnlyList<string> Warnings);
