using HaloAgent.Channels.Outbox.Transports;

namespace HaloAgent.Channels.Twilio;

/// <summary>Twilio's REST API refused a call: its error object (<c>{"code","message","more_info","status"}</c>) and the HTTP status.</summary>
public sealed class TwilioApiException(int httpStatus, int? code, string? title, string? details = null)
    : ChannelSendException($"Twilio error {code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} (HTTP {httpStatus}): {title}", httpStatus, code, title, details)
{
    /// <summary>Twilio's code for a free-form message outside WhatsApp's 24-hour window.</summary>
    public const int OutsideSessionWindow = 63016;

    /// <summary>Twilio's "too many requests" code.</summary>
    public const int TooManyRequests = 20429;

    public override bool IsTransient => Code == TooManyRequests || HttpStatus == 429 || HttpStatus >= 500;

    public override string? Explanation => Code == OutsideSessionWindow
        ? "Outside the 24-hour customer service window: only an approved template message can reach this customer until they write again."
        : null;
}
