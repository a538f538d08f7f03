using HaloAgent.AI;
using HaloAgent.Channels;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>
/// Creates the modules' metrics at start: their instruments exist only once the singleton is built, and the gauges
/// (inbox and outbox depth, instances by status) must be on /metrics before the first webhook or send needs them.
/// </summary>
public sealed class MetricsActivator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetService<ChannelsMetrics>();
        services.GetService<EngineMetrics>();
        services.GetService<AiMetrics>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
