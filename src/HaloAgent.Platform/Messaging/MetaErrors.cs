namespace HaloAgent.Platform.Messaging;

/// <summary>
/// The Graph / WhatsApp error codes we act on, and whether trying again can help (shared by the outbox, which retries
/// at once, and marketing, which retries a campaign's failures later).
/// </summary>
public static class MetaErrors
{
    public const int AccessTokenExpired = 190;
    public const int ThroughputExceeded = 130429;
    public const int GenericError = 131000;
    public const int ServiceUnavailable = 131016;
    public const int Undeliverable = 131026;
    public const int OutsideCustomerServiceWindow = 131047;
    public const int SpamRateLimit = 131048;
    public const int MarketingPerUserLimit = 131049;
    public const int MarketingOptOut = 131050;
    public const int PairRateLimit = 131056;
    public const int TemplateParameters = 132000;
    public const int ExperimentHoldout = 130472;
    public const int TemporarilyUnavailable = 133004;

    /// <summary>
    /// True when a later attempt may succeed: server errors, network-level throttling and Meta's throughput and pair-rate
    /// limits. A known permanent code is permanent whatever the HTTP status; an unknown code is transient only on 5xx/429.
    /// </summary>
    public static bool IsTransient(int? code, int httpStatus) => code switch
    {
        ThroughputExceeded or PairRateLimit or GenericError or ServiceUnavailable or TemporarilyUnavailable => true,
        1 or 2 or 4 or 80007 => true, // Graph: unknown/temporary API error, app and WABA rate limits
        AccessTokenExpired or Undeliverable or OutsideCustomerServiceWindow or SpamRateLimit or MarketingPerUserLimit
            or MarketingOptOut or TemplateParameters => false,
        _ => httpStatus >= 500 || httpStatus == 429,
    };

    /// <summary>What a failure means for the business, in words an owner can act on (null when Meta's title says enough).</summary>
    public static string? Explain(int? code) => code switch
    {
        OutsideCustomerServiceWindow =>
            "Outside the 24-hour customer service window: only an approved template message can reach this customer until they write again.",
        Undeliverable => "Undeliverable: the number may not be on WhatsApp, or the customer has not accepted WhatsApp's latest terms.",
        MarketingOptOut => "The customer has stopped marketing messages from this business: do not send them marketing.",
        AccessTokenExpired => "The business's WhatsApp access token has expired or was revoked: renew it in Meta Business settings.",
        TemplateParameters => "The template's parameters do not match the approved template (their number or format).",
        SpamRateLimit => "Meta is limiting this number for spam reports: slow down and review what is sent.",
        MarketingPerUserLimit => "Meta limits how many marketing messages one customer receives: not delivered, try much later.",
        ThroughputExceeded => "This number kept exceeding its messages-per-second limit.",
        PairRateLimit => "Too many messages to this customer in a short time.",
        ExperimentHoldout => "Held out by Meta's marketing experiment: not delivered and not charged.",
        _ => null,
    };
}
