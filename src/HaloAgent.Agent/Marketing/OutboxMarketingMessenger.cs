using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Platform.Messaging;

namespace HaloAgent.Agent.Marketing;

/// <summary>
/// Marketing's messages on the one outbox: a template on WhatsApp (the only thing allowed outside the 24-hour window),
/// the filled-in text on web chat and Twilio, which have no templates. Exactly once per idempotency key.
/// </summary>
public sealed class OutboxMarketingMessenger(IOutbox outbox) : IMarketingMessenger
{
    public async Task<bool> EnqueueAsync(MarketingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (await outbox.EnqueueAsync(Outbound(message), cancellationToken)).Created;
    }

    public Task<IReadOnlyDictionary<string, string>> EnqueueManyAsync(IReadOnlyList<MarketingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return outbox.EnqueueManyAsync(messages.Select(Outbound).ToList(), cancellationToken);
    }

    public async Task<IReadOnlyList<MarketingDelivery>> DeliveriesAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        var result = new List<MarketingDelivery>(idempotencyKeys.Count);
        foreach (var chunk in idempotencyKeys.Chunk(IOutbox.MaxKeysPerLookup))
        {
            var states = await outbox.FindByIdempotencyKeysAsync(chunk, cancellationToken);
            result.AddRange(states.Select(s => new MarketingDelivery(
                s.IdempotencyKey, s.Status.ToString().ToLowerInvariant(), s.ErrorCode, s.ErrorTitle, s.StatusAt)));
        }

        return result;
    }

    private static OutboundMessage Outbound(MarketingMessage message)
    {
        var channel = message.Channel switch
        {
            "twilio" => ChannelKind.Twilio,
            "webchat" => ChannelKind.WebChat,
            _ => ChannelKind.WhatsApp,
        };
        OutboundContent content = channel == ChannelKind.WhatsApp && !message.FreeForm
            ? new TemplateContent(message.TemplateName, message.TemplateLanguage, message.Parameters.Count == 0
                ? null
                : [new TemplateComponent("body", message.Parameters.Select(TemplateParameter.Text).ToList())])
            : new TextContent(message.Text);
        return new OutboundMessage(message.BusinessId, message.To, content, message.IdempotencyKey)
        {
            Channel = channel,
            BizOpaqueCallbackData = message.CallbackData,
            // A free-form text refused because the window closed meanwhile goes again as the re-engagement template.
            TemplateLanguage = message.FreeForm ? message.TemplateLanguage : null,
        };
    }
}
