using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Routing;

namespace HaloAgent.Channels.Outbox.Transports;

/// <summary>The WhatsApp Cloud API: the stored Graph request is posted as it is.</summary>
internal sealed class WhatsAppTransport(WhatsAppGraphClient graph) : IOutboundTransport
{
    public ChannelKind Channel => ChannelKind.WhatsApp;

    public string? Unroutable(ChannelBusiness business) =>
        business is { PhoneNumberId.Length: > 0, AccessToken.Length: > 0 } ? null : $"Business {business.Id} has no WhatsApp phone number id or access token.";

    public string? LimitKey(ChannelBusiness business) => business.PhoneNumberId;

    public Task<string> SendAsync(OutboxRow row, ChannelBusiness business, CancellationToken cancellationToken) =>
        graph.SendRawAsync(business.PhoneNumberId!, business.AccessToken!, row.Payload, cancellationToken);
}
