using HaloAgent.Channels.Inbound;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Activities;
using Microsoft.Extensions.Logging;
using HaloAgent.Platform.Events;

namespace HaloAgent.Agent.Inbound;

/// <summary>
/// Turns a customer message into an engine event: the contact is created or refreshed (name, 24-hour window), then
/// <c>message.received</c> is raised for the contact, or <c>message.control</c> for STOP/START, or
/// <c>message.paused</c> while a person has the chat. The message id is the event id, so a redelivery changes nothing.
/// </summary>
public sealed class AgentInboundHandler(IContactService contacts, IEventPublisher events, ControlWords controlWords, ILogger<AgentInboundHandler> logger)
    : IInboundMessageHandler
{
    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // The inbox checks this before handing off; checked again here because a contact and a flow must never be
        // created for a sender nobody can answer, whoever calls.
        if (InboundMessageCheck.Problem(message) is { } problem)
        {
            throw new PermanentMessageException(problem);
        }

        var channel = ChannelNames.Of(message.Channel);
        var upsert = await contacts.UpsertFromInboundAsync(
            message.BusinessId, message.From, message.ProfileName, message.Timestamp.ToUnixTimeMilliseconds(), channel, cancellationToken);
        var contact = upsert.Contact;
        var detected = await controlWords.DetectAsync(message.Text, contact.PreferredLanguage, cancellationToken);
        var control = detected?.Control;
        var name = contact.AgentPaused ? EventNames.MessagePaused : control is null ? EventNames.MessageReceived : EventNames.MessageControl;
        var payload = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messageId"] = message.ExternalId,
            ["channel"] = channel,
            ["type"] = message.Type.ToString(),
            ["text"] = message.Text ?? message.Reply?.Title ?? "",
            ["replyId"] = message.Reply?.Id,
            ["control"] = control,
            ["language"] = detected?.Language,
            ["businessId"] = message.BusinessId,
            ["contactId"] = contact.Id,
            ["contact"] = new Dictionary<string, object?> { ["id"] = contact.Id, ["name"] = contact.Name, ["language"] = contact.PreferredLanguage, ["new"] = upsert.Created },
            ["media"] = message.Media is { } media ? new Dictionary<string, object?> { ["id"] = media.Id, ["mimeType"] = media.MimeType, ["voice"] = media.Voice } : null,
            // A WhatsApp catalog cart names products by SKU; its prices are the customer's copy and are never used.
            ["order"] = message.Order is { } order
                ? new Dictionary<string, object?>
                {
                    ["items"] = order.Items.Select(i => (object?)new Dictionary<string, object?> { ["sku"] = i.ProductRetailerId, ["quantity"] = (decimal)i.Quantity }).ToList(),
                }
                : null,
            ["location"] = message.Location is { } location ? new Dictionary<string, object?> { ["latitude"] = (decimal)location.Latitude, ["longitude"] = (decimal)location.Longitude, ["address"] = location.Address, ["name"] = location.Name } : null,
        };
        await events.PublishAsync(contact.BusinessId, name, contact.Id, payload, $"msg:{message.BusinessId}:{message.ExternalId}", cancellationToken);
        if (upsert.Created)
        {
            await events.PublishAsync(contact.BusinessId, EventNames.ContactCreated, contact.Id, payload["contact"], $"{EventNames.ContactCreated}:{contact.Id}", cancellationToken);
        }

        logger.LogDebug("Message {MessageId} from contact {ContactId} raised {Event}", message.ExternalId, contact.Id, name);
    }
}
