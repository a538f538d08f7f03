using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Routing;

namespace HaloAgent.Channels.Outbox.Transports;

/// <summary>
/// Delivers a queued message over one channel. The outbox stores every message as a Graph API request body (the
/// richest shape the agent writes); a transport turns that into what its provider takes. Refusals throw
/// <see cref="ChannelSendException"/>; network failures may surface as <see cref="HttpRequestException"/> or a timeout.
/// </summary>
internal interface IOutboundTransport
{
    ChannelKind Channel { get; }

    /// <summary>Why this business cannot send on this channel (missing number or credentials); null when it can.</summary>
    string? Unroutable(ChannelBusiness business);

    /// <summary>The sending number the per-number throughput limit and pair spacing apply to; null when the channel has none.</summary>
    string? LimitKey(ChannelBusiness business);

    /// <summary>Sends; returns the provider's message id (a wamid, a Twilio SID, ...).</summary>
    Task<string> SendAsync(OutboxRow row, ChannelBusiness business, CancellationToken cancellationToken);
}
