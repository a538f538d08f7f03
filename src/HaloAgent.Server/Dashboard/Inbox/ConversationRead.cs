namespace HaloAgent.Server.Dashboard.Inbox;

/// <summary>When someone of the business last opened a conversation: customer messages after it are unread.</summary>
public sealed class ConversationRead
{
    public required string BusinessId { get; set; }

    public required string ContactId { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long ReadAt { get; set; }
}
