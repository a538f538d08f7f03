namespace HaloAgent.Payments.Paystack;

/// <summary>Bound from configuration section <c>Paystack</c>.</summary>
public sealed class PaystackOptions
{
    public const string Section = "Paystack";

    public const string DefaultBaseUrl = "https://api.paystack.co";

    /// <summary>API root; tests point it at a fake Paystack server.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// The secret key (<c>sk_live_…</c> / <c>sk_test_…</c>): the bearer token of every call and the HMAC key of webhooks.
    /// Unset: calls throw and every webhook signature is refused (fail closed).
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>Where Paystack sends the customer after paying, when a request does not give its own.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Timeout of one API call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Paystack's webhook bodies carry the customer's e-mail, phone and card details; once handled they are emptied
    /// this many days after they arrived (the event's outcome and dedupe key stay). Zero or less keeps them.
    /// </summary>
    public int WebhookBodyDays { get; set; } = 30;

    /// <summary>How often each node looks for bodies to empty.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}
