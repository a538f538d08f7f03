namespace HaloAgent.Channels.Inbound;

/// <summary>
/// Receives each new customer message once (after dedupe), off the webhook request path. Throwing makes the webhook
/// event retry later (with capped attempts), and the message is handed off again: so be idempotent on
/// <see cref="InboundMessage.ExternalId"/>.
/// </summary>
public interface IInboundMessageHandler
{
    Task HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}
