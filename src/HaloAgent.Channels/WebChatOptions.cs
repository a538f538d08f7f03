namespace HaloAgent.Channels;

/// <summary><c>HaloAgent:Channels:WebChat</c>: the public web chat page. The limits are per client IP address unless named otherwise.</summary>
public sealed class WebChatOptions
{
    /// <summary>New chat sessions per minute from one address.</summary>
    public int SessionsPerMinute { get; set; } = 20;

    /// <summary>Messages per minute from one address (a person types far fewer; a script is stopped).</summary>
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>
    /// Conversation reads per minute from one address. The page polls once a second while visible, so this allows
    /// several visitors behind one address (mobile carriers share addresses widely).
    /// </summary>
    public int ReadsPerMinute { get; set; } = 600;

    /// <summary>Conversation reads per minute of one session: the page reads once a second (and after each message it sends) in every tab it is open in.</summary>
    public int SessionReadsPerMinute { get; set; } = 300;

    /// <summary>How long a session the server issued stays valid; after it the page starts a new one.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The largest picture a visitor may send: WhatsApp's own limit for images, so both channels take the same receipts.</summary>
    public int MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Messages of the conversation the page shows.</summary>
    public int TranscriptLength { get; set; } = 100;
}
