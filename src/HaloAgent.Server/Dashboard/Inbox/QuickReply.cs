namespace HaloAgent.Server.Dashboard.Inbox;

/// <summary>A canned reply of one business, in the order the owner listed them.</summary>
public sealed class QuickReply
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }

    public long CreatedAt { get; set; }
}
