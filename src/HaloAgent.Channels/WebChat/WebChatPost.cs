namespace HaloAgent.Channels.WebChat;

/// <summary>
/// What the web chat page posts (<c>POST /api/webchat/{slug}/messages</c>), and, with the business resolved and the
/// time it arrived, what the inbox stores. <see cref="ClientMessageId"/> is chosen by the page and makes a re-sent post
/// (a flaky connection) one message.
/// </summary>
public sealed record WebChatPost
{
    public string? SessionId { get; init; }

    public string? ClientMessageId { get; init; }

    public string? Text { get; init; }

    /// <summary>A tapped button or list row: the id the agent gave it and its title.</summary>
    public WebChatReply? Reply { get; init; }

    /// <summary>
    /// Set by the server for a picture the visitor uploaded (<c>POST …/images</c>), never taken from the page's JSON:
    /// the stored picture's id (the media id the flow reads it by) and its sniffed type.
    /// </summary>
    public WebChatImage? Image { get; init; }

    /// <summary>Set by the server when storing.</summary>
    public string? BusinessId { get; init; }

    /// <summary>Set by the server when storing (Unix ms).</summary>
    public long ReceivedAt { get; init; }
}

public sealed record WebChatReply(string? Id, string? Title);

public sealed record WebChatImage(string? Id, string? MimeType, long SizeBytes);
