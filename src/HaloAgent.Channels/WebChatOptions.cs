namespace HaloAgent.Channels;

/// <summary><c>HaloAgent:Channels:WebChat</c>: the public web chat page. The limits are per client IP address.</summary>
public sealed class WebChatOptions
{
    /// <summary>New chat sessions per minute from one address.</summary>
    public int SessionsPerMinute { get; set; } = 20;

    /// <summary>Messages per minute from one address (a person types far fewer; a script is stopped).</summary>
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>Messages of the conversation the page shows.</summary>
    public int TranscriptLength { get; set; } = 100;
}
