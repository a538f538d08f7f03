using HaloAgent.Platform.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Integrations.Webhooks;

/// <summary>Runs the webhook sender on the kernel's worker loop: woken when a delivery is queued here, else polling.</summary>
public sealed class WebhookWorker(WebhookSender sender, WebhookSignal signal, IOptionsMonitor<IntegrationsOptions> options, ILogger<WebhookWorker> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.CurrentValue.RunWorker
        ? Task.CompletedTask
        : WorkerLoop.RunAsync(sender.RunOnceAsync, signal, () => options.CurrentValue.PollInterval,
            ex => log.LogError(ex, "A webhook sending pass failed; it is retried after the poll interval."), stoppingToken);
}
