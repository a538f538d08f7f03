namespace HaloAgent.Testing.FakeGraph;

/// <summary>
/// A failure the <see cref="FakeGraphServer"/> answers with, in Meta's error shape
/// <c>{"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}</c>.
/// </summary>
public sealed record FakeGraphError(int HttpStatus, int? Code, string Message, string? Details = null, int? Subcode = null, string Type = "OAuthException")
{
    /// <summary>HTTP 500, Graph code 1 (unknown error): transient.</summary>
    public static FakeGraphError ServerError { get; } = new(500, 1, "An unknown error has occurred.");

    /// <summary>HTTP 429, Graph code 4: the app's request limit (transient).</summary>
    public static FakeGraphError TooManyRequests { get; } = new(429, 4, "(#4) Application request limit reached");

    /// <summary>130429: the number's throughput was exceeded (transient).</summary>
    public static FakeGraphError Throughput { get; } = new(400, 130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.");

    /// <summary>131056: too many messages to one customer (transient).</summary>
    public static FakeGraphError PairRate { get; } = new(400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit");

    /// <summary>131047: outside the 24-hour window; only a template can be sent.</summary>
    public static FakeGraphError OutsideWindow { get; } = new(
        400, 131047, "(#131047) Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last replied to this number.", 2494010);

    /// <summary>131026: undeliverable.</summary>
    public static FakeGraphError Undeliverable { get; } = new(400, 131026, "(#131026) Message undeliverable");

    /// <summary>131050: the customer stopped marketing messages.</summary>
    public static FakeGraphError MarketingOptOut { get; } = new(400, 131050, "(#131050) Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.");

    /// <summary>190: the access token expired.</summary>
    public static FakeGraphError TokenExpired { get; } = new(401, 190, "Error validating access token: Session has expired.", Subcode: 463);

    /// <summary>132000: template parameters do not match.</summary>
    public static FakeGraphError TemplateParameters { get; } = new(400, 132000, "(#132000) Number of parameters does not match the expected number of params");
}
