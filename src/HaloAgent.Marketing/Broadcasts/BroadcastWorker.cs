using HaloAgent.Platform.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>Runs the sender (woken when a broadcast is scheduled here, else polling) and the tracker (every few seconds).</summary>
public sealed class BroadcastWorker(
    BroadcastDispatcher dispatcher, BroadcastTracker tracker, BroadcastSignal signal, IOptionsMonitor<MarketingOptions> options,
    ILogger<BroadcastWorker> log) : BackgroundService
{
    /// <summary>How often delivery reports, replies and orders are read back.</summary>
    public static readonly TimeSpan TrackInterval = TimeSpan.FromSeconds(3);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.CurrentValue.RunWorker ? Task.CompletedTask : Task.WhenAll(
        WorkerLoop.RunAsync(dispatcher.RunOnceAsync, signal, () => options.CurrentValue.PollInterval,
            ex => log.LogError(ex, "A broadcast sending pass failed; it is retried after the poll interval."), stoppingToken),
        WorkerLoop.RunAsync(tracker.RunOnceAsync, token => Task.Delay(TrackInterval, token),
            ex => log.LogError(ex, "A broadcast tracking pass failed; it is retried."), stoppingToken));
}
