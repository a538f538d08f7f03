namespace HaloAgent.Channels.Inbound;

/// <summary>
/// A media attachment by reference: WhatsApp gives a media id (fetch it with <c>WhatsAppGraphClient.FetchMediaAsync</c>),
/// Twilio a URL. Nothing is downloaded while the webhook is processed.
/// </summary>
public sealed record InboundMedia
{
    public string? Id { get; init; }

    /// <summary>Twilio's media URL (WhatsApp media has none until it is looked up by id).</summary>
    public string? Url { get; init; }

    public string? MimeType { get; init; }

    /// <summary>As the channel sent it (WhatsApp webhooks use base64).</summary>
    public string? Sha256 { get; init; }

    public string? Caption { get; init; }

    /// <summary>True for a voice note (OGG/Opus recorded in the app) rather than an audio file.</summary>
    public bool Voice { get; init; }
}
