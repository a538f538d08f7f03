namespace HaloAgent.Channels.Graph;

/// <summary>
/// The answer to <c>GET /{media-id}</c>: a short-lived URL (about 5 minutes) to download with the same bearer token,
/// and the file's type, hash (hex) and size.
/// </summary>
public sealed record MediaInfo(string Id, string Url, string? MimeType, string? Sha256, long? FileSize);
