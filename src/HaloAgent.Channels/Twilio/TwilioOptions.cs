namespace HaloAgent.Channels.Twilio;

/// <summary>Bound from configuration section <c>Twilio</c>.</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>The account's auth token, which signs webhooks and (with <see cref="AccountSid"/>) authenticates sends. Unset: every Twilio webhook is refused.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The account SID (<c>AC…</c>) replies are sent with. Unset: Twilio conversations cannot be answered.</summary>
    public string? AccountSid { get; set; }

    /// <summary>Twilio's REST API; tests point it at a fake server on loopback.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The public URL Twilio posts to, exactly as configured in the Twilio console. Twilio signs that URL; behind a
    /// proxy or TLS terminator the URL the server sees differs, so set this there. Unset: the request's own URL.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Largest webhook body accepted (Twilio's form posts are small); larger → 413.</summary>
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;
}
