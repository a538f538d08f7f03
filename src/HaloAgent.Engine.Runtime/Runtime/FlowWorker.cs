using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HaloAgent.Platform.Workers;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// The node's worker loops. Each claims a batch when one is due, otherwise sleeps until this node signals new work
/// or the poll interval passes (work raised on other nodes and timers coming due are found by polling).
/// Nothing is loaded at startup: pending timers are rows, found by the due-time index when they come due.
/// </summary>
public sealed class FlowWorker(InstanceBatchRunner runner, WorkSignal signal, IOptions<EngineOptions> options, ILogger<FlowWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorkers)
        {
            return Task.CompletedTask;
        }

        logger.LogInformation("Flow worker {Node} starting {Workers} loop(s)", runner.NodeId, options.Value.Workers);
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => LoopAsync(stoppingToken)));
    }

    private Task LoopAsync(CancellationToken stoppingToken) =>
        WorkerLoop.RunAsync(
            async token =>
            {
                var claimed = await runner.RunBatchAsync(token);
                if (claimed >= options.Value.BatchSize)
                {
                    signal.Notify(); // more may be due: let another loop help
                }

                return claimed > 0;
            },
            signal,
            () => options.Value.PollInterval,
            // A failed batch leaves its claims to expire and be retried; the loop goes on.
            ex => logger.LogError(ex, "Flow worker batch failed"),
            stoppingToken);
}
