namespace HaloAgent.Channels.Inbox;

/// <summary>A claimed webhook event (mutable for Dapper, which converts SQLite's integers into these types).</summary>
internal sealed class InboxRow
{
    public string Id { get; set; } = "";

    public string Provider { get; set; } = "";

    public byte[] Body { get; set; } = [];

    /// <summary>Including the current one.</summary>
    public int Attempts { get; set; }

    public long ReceivedAt { get; set; }

    public string? TraceParent { get; set; }
}
