using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// Sees every new event raised through <see cref="FlowRuntime.RaiseAsync"/>, inside the transaction that stores it, so
/// what a module writes for the event (e.g. outgoing webhook deliveries) commits exactly when the event does: never
/// lost, never twice (a redelivered event id is recognised before handlers run). Keep it cheap: it runs for every
/// customer message; return at once for names the module does not care about.
/// </summary>
public interface IRaisedEventHandler
{
    Task HandleAsync(WriteScope scope, string eventId, EventRequest request, long now);
}
