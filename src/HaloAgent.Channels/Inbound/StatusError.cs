namespace HaloAgent.Channels.Inbound;

/// <summary>Meta's error on a failed message: its numeric code (e.g. 131047) and title, plus details when given.</summary>
public sealed record StatusError(int Code, string? Title, string? Details = null);
