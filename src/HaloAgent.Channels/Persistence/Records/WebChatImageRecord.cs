namespace HaloAgent.Channels.Persistence.Records;

/// <summary>
/// A picture a web chat visitor sent (a receipt screenshot, a photo). WhatsApp keeps its customers' media and hands out
/// a media id; web chat has no such store, so the upload is kept here under the message's own id, which is also its
/// media id, and the payment flow reads it from here as it would download a WhatsApp image.
/// </summary>
public sealed class WebChatImageRecord
{
    public required string BusinessId { get; set; }

    /// <summary>The message's external id (<c>web.{session key}.{clientMessageId}</c>): a re-sent upload is the same row.</summary>
    public required string Id { get; set; }

    /// <summary>The visitor's contact key (<c>web:{session key}</c>): only their session may read it back.</summary>
    public required string Sender { get; set; }

    /// <summary>From the file's first bytes, never from what the browser claimed.</summary>
    public required string MimeType { get; set; }

    public long SizeBytes { get; set; }

    public required byte[] Data { get; set; }

    public long CreatedAt { get; set; }
}
