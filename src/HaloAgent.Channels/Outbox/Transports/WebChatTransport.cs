using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Routing;

namespace HaloAgent.Channels.Outbox.Transports;

/// <summary>
/// The web chat page reads its replies from the outbox itself, so "sending" is recording that the message is there to
/// read: no provider, no rate limits.
/// </summary>
internal sealed class WebChatTransport : IOutboundTransport
{
    public ChannelKind Channel => ChannelKind.WebChat;

    public string? Unroutable(ChannelBusiness business) => null;

    public string? LimitKey(ChannelBusiness business) => null;

    public Task<string> SendAsync(OutboxRow row, ChannelBusiness business, CancellationToken cancellationToken) =>
        Task.FromResult("webchat." + row.Id);
}
