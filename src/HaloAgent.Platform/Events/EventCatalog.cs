using System.Collections.Frozen;

namespace HaloAgent.Platform.Events;

/// <summary>
/// Every event the product raises into the engine, with its payload as flows read it (<c>event.*</c> in conditions,
/// the variable a Wait for event stores it in). Served at <c>GET /api/events/catalog</c> for the designer's event
/// fields; a test drives real conversations and fails when something raises a name that is not here.
/// </summary>
public static class EventCatalog
{
    // A customer message reaches flows under one of three names with the same payload.
    private static readonly EventField[] Message =
    [
        new("messageId", "string", "The channel's message id (WhatsApp wamid, Twilio SID, web chat id); also the event id, so a redelivery raises nothing new."),
        new("channel", "string", "whatsapp, twilio or webchat."),
        new("type", "string", "Text, ButtonReply, ListReply, Button, Image, Audio, Location, Order or Unknown."),
        new("text", "string", "The text, or the title of the tapped reply; \"\" when there is none."),
        new("replyId", "string?", "The id of the tapped button or list row."),
        new("control", "string?", "stop or start when the message is STOP/START in any of the five languages (message.control)."),
        new("language", "string?", "The language the control words were said in."),
        new("businessId", "string", "The business the message was sent to."),
        new("contactId", "string", "The contact who sent it (also the event's correlation key)."),
        new("contact.id", "string", "The contact's id."),
        new("contact.name", "string?", "The contact's name (from the channel profile)."),
        new("contact.language", "string?", "The contact's preferred language: en, pcm, yo, ig or ha."),
        new("contact.new", "boolean", "This message created the contact."),
        new("media", "object?", "An image or audio attachment: id, mimeType, voice (a voice note)."),
        new("order", "object?", "A cart sent from the WhatsApp catalog: items[] of sku and quantity (its prices are never used)."),
        new("location", "object?", "A shared location: latitude, longitude, address, name."),
    ];

    private static readonly EventDefinition[] Definitions =
    [
        new(EventNames.MessageReceived, "A customer sent a message while the agent is answering them.", Message),
        new(EventNames.MessageControl, "A customer sent STOP or START (marketing opt-out or opt-in); payload.control says which.", Message),
        new(EventNames.MessagePaused, "A customer sent a message while a person has the chat (the agent is paused).", Message),
        new(EventNames.ContactCreated, "A new customer wrote for the first time: the contact was created.",
        [
            new("id", "string", "The contact's id."),
            new("name", "string?", "The contact's name (from the channel profile)."),
            new("language", "string?", "The contact's preferred language: en, pcm, yo, ig or ha."),
            new("new", "boolean", "Always true."),
        ]),
        new(EventNames.CartActivity, "The customer's cart changed: updated (items added or changed: start or restart the reminder clock) or closed (ordered, emptied or opted out).",
        [
            new("contactId", "string", "The contact whose cart it is."),
            new("kind", "string", "updated or closed."),
        ]),
        new(EventNames.OrderCreated, "The customer confirmed an order: it was created from the cart, stock reserved and payment instructions sent.",
        [
            new("orderId", "string", "The order's id."),
            new("number", "string", "The order number the customer sees, e.g. MNK-0042."),
            new("totalKobo", "number", "The order total in kobo (₦1 = 100 kobo)."),
            new("contactId", "string", "The customer."),
            new("businessId", "string", "The business."),
            new("paymentId", "string", "The payment opened for the order."),
            new("paymentReference", "string", "The payment reference the customer quotes with the transfer, e.g. HLO-7KQ2M."),
        ]),
        new(EventNames.OrderCompleted, "The business marked the order completed (picked up or delivered): post-purchase journeys start here.",
        [
            new("orderId", "string", "The order's id."),
            new("number", "string", "The order number the customer sees, e.g. MNK-0042."),
            new("totalKobo", "number", "The order total in kobo (₦1 = 100 kobo)."),
            new("contactId", "string", "The customer."),
            new("businessId", "string", "The business."),
            new("items", "list", "What was bought: sku, name (in the customer's language) and quantity, most bought first."),
            new("topItem", "string", "The name of what they bought most of (in the customer's language), for an upsell."),
        ]),
        new(EventNames.PaymentClaimed, "The customer says they paid, or sent a receipt: the payment-confirmation flow takes it. The payload is the customer's message (as message.received).", Message),
        new(EventNames.EscalationOpened, "The chat was handed to a person (the agent escalated, or the owner took it over); the agent stops answering.",
        [
            new("escalationId", "string", "The escalation's id."),
            new("reason", "string?", "Why: the reason the flow gave, or who took the chat over."),
            new("by", "string", "Who handed the chat over: 'agent' (the customer asked, or the agent could not help) or 'owner' (a person took it from the inbox)."),
        ]),
        new(EventNames.EscalationResolved, "The person handed the chat back to the agent (escalation resolved or chat released).",
        [
            new("escalationId", "string", "The escalation's id."),
        ]),
    ];

    private static readonly FrozenDictionary<string, EventDefinition> ByName = Definitions.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>Every event, in the order above (messages, contacts, carts, orders, payments, hand-over).</summary>
    public static IReadOnlyList<EventDefinition> All => Definitions;

    public static EventDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static bool Contains(string name) => ByName.ContainsKey(name);
}
