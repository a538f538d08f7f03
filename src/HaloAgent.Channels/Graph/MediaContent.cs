namespace HaloAgent.Channels.Graph;

/// <summary>A downloaded media file, size-checked and (when Meta gave a hash) integrity-checked.</summary>
public sealed record MediaContent(string Id, string? MimeType, byte[] Bytes);
