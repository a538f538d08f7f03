namespace HaloAgent.Channels.Outbox.Transports;

/// <summary>
/// A transport refused to send: the provider's error code and words, and whether a later attempt can help. The
/// outbox retries transient refusals with backoff and records permanent ones with the code.
/// </summary>
public abstract class ChannelSendException(string message, int httpStatus, int? code, string? title, string? details)
    : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public int? Code { get; } = code;

    public string? Title { get; } = title;

    public string? Details { get; } = details;

    public abstract bool IsTransient { get; }

    /// <summary>What the failure means for the business, when the provider's title does not say it (null otherwise).</summary>
    public virtual string? Explanation => null;
}
