namespace HaloAgent.Channels;

/// <summary>Bound from configuration section <c>HaloAgent:Channels</c>: the background processing of webhooks and sends.</summary>
public sealed class ChannelsOptions
{
    public const string Section = "HaloAgent:Channels";

    /// <summary>Run the inbox processor and outbox sender loops (tests drive them by hand instead).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>How often idle loops look for work this node did not announce (other nodes' webhooks, retries coming due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public InboxOptions Inbox { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public WebChatOptions WebChat { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();
}
