using System.Collections.Frozen;
using HaloAgent.Platform.Events;

namespace HaloAgent.Integrations.Webhooks;

/// <summary>
/// The events a business can subscribe to, under the names other tools see, and the engine events they come from.
/// Only events the product actually raises are offered; order.updated and payment.confirmed join when Commerce raises
/// them as engine events.
/// </summary>
public static class WebhookEvents
{
    public const string OrderCreated = "order.created";
    public const string ContactCreated = "contact.created";
    public const string ConversationHandedOver = "conversation.handed_over";

    private static readonly FrozenDictionary<string, string> FromEngine = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EventNames.OrderCreated] = OrderCreated,
        [EventNames.ContactCreated] = ContactCreated,
        [EventNames.EscalationOpened] = ConversationHandedOver,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyList<string> All { get; } = [OrderCreated, ContactCreated, ConversationHandedOver];

    /// <summary>The webhook name for an engine event, or null when no webhook carries it.</summary>
    public static string? ForEngineEvent(string engineEvent) => FromEngine.GetValueOrDefault(engineEvent);
}
