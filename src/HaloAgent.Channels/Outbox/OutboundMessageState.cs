namespace HaloAgent.Channels.Outbox;

/// <summary>A queued message as it stands: status, Meta's wamid once sent, and Meta's error when it failed.</summary>
public sealed record OutboundMessageState
{
    public required string Id { get; init; }

    public required string BusinessId { get; init; }

    public required string To { get; init; }

    public required string IdempotencyKey { get; init; }

    public required OutboundStatus Status { get; init; }

    /// <summary>Graph API calls made for it so far.</summary>
    public int Attempts { get; init; }

    public string? Wamid { get; init; }

    public int? ErrorCode { get; init; }

    public string? ErrorTitle { get; init; }

    /// <summary>What the error means for the business (e.g. that an approved template is needed outside the 24-hour window).</summary>
    public string? ErrorDetail { get; init; }

    public string? BizOpaqueCallbackData { get; init; }

    public DateTimeOffset? StatusAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The Graph request body that is (or was) sent.</summary>
    public required string Payload { get; init; }
}
