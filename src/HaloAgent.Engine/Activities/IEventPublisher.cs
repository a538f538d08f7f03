namespace HaloAgent.Engine.Activities;

/// <summary>
/// Raises a domain event from inside an activity (e.g. <c>cart.updated</c>). Pass an event id derived from the step's
/// idempotency key: a re-run step then raises nothing new. <c>tenant</c> is the business the event happened in
/// (null for a platform event): only that tenant's flows and instances see it.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync(string? tenant, string name, string correlationKey, object? payload, string eventId, CancellationToken cancellationToken);
}
