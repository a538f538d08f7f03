namespace HaloAgent.Channels.WhatsApp;

/// <summary>Bound from configuration section <c>WhatsApp</c>.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    public const string DefaultGraphBaseUrl = "https://graph.facebook.com/v21.0";

    /// <summary>The token Meta echoes in the GET verification handshake. Unset: every handshake is refused.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The Meta app secret that signs webhooks. Unset: every webhook is refused (fail closed).</summary>
    public string? AppSecret { get; set; }

    /// <summary>Graph API root including the version; tests point it at a fake Graph server.</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    /// <summary>The demo business's phone number id (the host's directory reads it; the channels do not).</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The demo business's WhatsApp Business Account id (seeded onto the business; its templates are synced from it).</summary>
    public string? BusinessAccountId { get; set; }

    /// <summary>The demo business's access token (the host's directory reads it; the channels do not).</summary>
    public string? AccessToken { get; set; }

    /// <summary>Sends per second per business phone number on this node (Meta's default is 80, up to 1,000).</summary>
    public double MessagesPerSecond { get; set; } = 80;

    /// <summary>
    /// Minimum gap between two sends to the same customer from the same number. Meta allows short bursts but
    /// throttles ~1 message / 6 s sustained (131056, retried with backoff); 1 s keeps multi-part replies in order and
    /// quick while never bursting.
    /// </summary>
    public TimeSpan PairSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest webhook body accepted (Meta sends up to 3 MB); larger → 413.</summary>
    public int MaxWebhookBytes { get; set; } = 3 * 1024 * 1024;

    /// <summary>
    /// Name of an approved utility template with one body parameter (<c>{{1}}</c>, the message's text). When Meta refuses
    /// a message because the customer's 24-hour window has closed (131047), it is sent again as this template in the
    /// contact's approved-template language. Unset: such messages stay failed with the reason for the owner.
    /// </summary>
    public string? ReengagementTemplate { get; set; }

    /// <summary>Timeout of one Graph API call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
