namespace HaloAgent.Channels.Graph;

/// <summary>
/// Largest media file we download, by kind: WhatsApp's own limits for images (5 MB) and audio (16 MB). Other kinds are
/// not processed by the agent; they get the audio/video limit rather than WhatsApp's 100 MB for documents, so a
/// webhook never makes us hold a huge file in memory.
/// </summary>
public static class MediaLimits
{
    public const long Image = 5 * 1024 * 1024;
    public const long Audio = 16 * 1024 * 1024;
    public const long Other = 16 * 1024 * 1024;

    public static long For(string? mimeType) =>
        mimeType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true ? Image
        : mimeType?.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) == true ? Audio
        : Other;
}
