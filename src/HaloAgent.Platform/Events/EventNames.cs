namespace HaloAgent.Platform.Events;

/// <summary>
/// The names of the events the product raises into the engine, where flows start on them (Start, trigger "event") or
/// wait for them (Wait for event). Raising code uses these constants; <see cref="EventCatalog"/> describes each one.
/// </summary>
public static class EventNames
{
    public const string MessageReceived = "message.received";
    public const string MessageControl = "message.control";
    public const string MessagePaused = "message.paused";
    public const string ContactCreated = "contact.created";
    public const string CartActivity = "cart.activity";
    public const string OrderCreated = "order.created";
    public const string OrderCompleted = "order.completed";
    public const string PaymentClaimed = "payment.claimed";
    public const string EscalationOpened = "escalation.opened";
    public const string EscalationResolved = "escalation.resolved";
}
