using Microsoft.Extensions.Logging;

namespace HaloAgent.Channels.Inbound;

/// <summary>The default until the agent registers its own handler: the message is stored and logged, nothing else.</summary>
internal sealed class LoggingInboundMessageHandler(ILogger<LoggingInboundMessageHandler> logger) : IInboundMessageHandler
{
    public Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // No message text in the log: it is customer data.
        logger.LogInformation(
            "Inbound {Channel} {Type} message {MessageId} for business {BusinessId} (no handler registered)",
            message.Channel, message.Type, message.ExternalId, message.BusinessId);
        return Task.CompletedTask;
    }
}
