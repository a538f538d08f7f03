using HaloAgent.Engine.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// Publishes through <see cref="FlowRuntime"/>. Resolved lazily because the runtime itself depends (through the flow
/// compiler) on the activity catalogue, whose activities depend on this publisher.
/// </summary>
public sealed class RuntimeEventPublisher(IServiceProvider services) : IEventPublisher
{
    public Task PublishAsync(string? tenant, string name, string correlationKey, object? payload, string eventId, CancellationToken cancellationToken) =>
        services.GetRequiredService<FlowRuntime>().RaiseAsync(new EventRequest(name, correlationKey, payload) { EventId = eventId, Tenant = tenant }, cancellationToken);
}
