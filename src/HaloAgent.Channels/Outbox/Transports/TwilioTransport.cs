using System.Text.Json.Nodes;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Twilio;

namespace HaloAgent.Channels.Outbox.Transports;

/// <summary>
/// Twilio's WhatsApp: free-form messages carry text (and an image link), not WhatsApp's interactive buttons and lists,
/// so those are sent as text with their choices listed.
/// </summary>
internal sealed class TwilioTransport(TwilioRestClient twilio) : IOutboundTransport
{
    public ChannelKind Channel => ChannelKind.Twilio;

    public string? Unroutable(ChannelBusiness business) =>
        business.TwilioNumber is { Length: > 0 } ? null : $"Business {business.Id} has no Twilio WhatsApp number.";

    public string? LimitKey(ChannelBusiness business) => "twilio:" + business.TwilioNumber;

    public Task<string> SendAsync(OutboxRow row, ChannelBusiness business, CancellationToken cancellationToken)
    {
        var request = JsonNode.Parse(row.Payload);
        var mediaUrl = request?["type"]?.GetValue<string>() == "image" ? request["image"]?["link"]?.GetValue<string>() : null;
        return twilio.SendWhatsAppAsync(business.TwilioNumber!, row.Recipient, GraphPayloadText.Render(request), mediaUrl, cancellationToken);
    }
}
