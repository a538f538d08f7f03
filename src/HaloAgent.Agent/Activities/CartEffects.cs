using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// Tells the abandoned-cart flow what happened to a cart: <c>cart.activity</c> with kind <c>updated</c> (starts or
/// restarts the reminder clock) or <c>closed</c> (ordered, emptied or opted out: no reminders). The event id makes a
/// re-run step raise nothing new.
/// </summary>
internal static class CartEffects
{
    public const string EventName = "cart.activity";
    public const string Updated = "updated";
    public const string Closed = "closed";

    public static Task PublishAsync(IEventPublisher events, ActivityContext step, string kind, Conversations.Conversation conversation, CancellationToken cancellationToken) =>
        events.PublishAsync(
            conversation.Business.Id,
            EventName,
            conversation.Contact.Id,
            new Dictionary<string, object?> { ["contactId"] = conversation.Contact.Id, ["kind"] = kind },
            $"{step.IdempotencyKey}:{EventName}",
            cancellationToken);
}
