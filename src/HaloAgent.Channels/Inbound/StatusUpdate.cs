namespace HaloAgent.Channels.Inbound;

/// <summary>
/// A delivery report for a message we sent. Order of arrival is not guaranteed (a "read" may come before, or without,
/// its "delivered"); see <c>DeliveryStatusRecorder</c> for how they are combined.
/// </summary>
public sealed record StatusUpdate
{
    /// <summary>The wamid Meta gave the message when we sent it.</summary>
    public required string MessageId { get; init; }

    public required DeliveryStatus Status { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string? RecipientId { get; init; }

    public IReadOnlyList<StatusError> Errors { get; init; } = [];

    /// <summary>Echo of what we set when sending: attributes the message to a flow step, campaign or A/B variant.</summary>
    public string? BizOpaqueCallbackData { get; init; }
}
