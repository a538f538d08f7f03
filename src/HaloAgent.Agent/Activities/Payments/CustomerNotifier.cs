using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Tells a customer about their order outside a conversation step (the owner approved a payment, moved the order,
/// Paystack confirmed it): the template in the customer's language, queued in the outbox under an idempotency key so
/// a repeated request sends nothing twice.
/// </summary>
public sealed class CustomerNotifier(
    IContactService contacts, IBusinessDirectory businesses, IOrderService orders, IPaymentService payments, MessageTemplates templates, IOutbox outbox)
{
    /// <summary>Renders <paramref name="templateKey"/> with the order, its payment, the contact and the business; returns the text queued (null when the order or contact is gone).</summary>
    public async Task<string?> NotifyAsync(string orderId, string templateKey, string idempotencyKey, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var contact = await contacts.GetAsync(order.ContactId, cancellationToken);
        var business = await businesses.GetAsync(order.BusinessId, cancellationToken);
        if (contact is null || business is null)
        {
            return null;
        }

        var language = contact.PreferredLanguage ?? business.DefaultLanguage;
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["contact"] = TemplateData.Contact(contact),
            ["business"] = TemplateData.Business(business),
            ["order"] = TemplateData.Order(order, language),
        };
        if (await payments.GetForOrderAsync(orderId, cancellationToken) is { } payment)
        {
            data["payment"] = PaymentTemplateData.For(payment, await payments.GetSettingsAsync(business.Id, cancellationToken));
        }

        var text = templates.Render(templateKey, language, data);
        await outbox.EnqueueAsync(new OutboundMessage(business.Id, contact.WaId, new TextContent(text), idempotencyKey)
        {
            BizOpaqueCallbackData = $"payments/{templateKey}",
            Channel = ChannelNames.Parse(contact.Channel),
            TemplateLanguage = ApprovedTemplateLanguage.For(language, business.TemplateLanguageFallback),
        }, cancellationToken);
        return text;
    }
}
