namespace HaloAgent.Channels;

/// <summary><c>HaloAgent:Channels:Retention</c>: how long personal data in raw webhook bodies is kept.</summary>
public sealed class RetentionOptions
{
    /// <summary>
    /// Raw webhook bodies (Meta's JSON, Twilio's form, web chat posts) are emptied this many days after they arrived,
    /// once processed; the row and its id stay, and handled messages stay deduplicated. Zero or less keeps them.
    /// </summary>
    public int WebhookBodyDays { get; set; } = 30;

    /// <summary>
    /// Pictures web chat visitors sent are deleted this many days after they arrived (WhatsApp keeps customers' media
    /// about as long); a receipt the payment flow read was copied to its payment by then. Zero or less keeps them.
    /// </summary>
    public int WebChatImageDays { get; set; } = 30;

    /// <summary>How often each node looks for bodies to prune.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows emptied per statement, so a large backlog never holds a long lock.</summary>
    public int BatchSize { get; set; } = 500;
}
