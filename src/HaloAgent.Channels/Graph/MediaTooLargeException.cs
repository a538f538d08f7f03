namespace HaloAgent.Channels.Graph;

/// <summary>A media file over WhatsApp's limit for its kind: not downloaded (or the download was stopped at the limit).</summary>
public sealed class MediaTooLargeException(string mediaId, string? mimeType, long limit)
    : Exception($"Media {mediaId} ({mimeType ?? "unknown type"}) is larger than the {limit / (1024 * 1024)} MB allowed for it.")
{
    public long Limit { get; } = limit;
}
