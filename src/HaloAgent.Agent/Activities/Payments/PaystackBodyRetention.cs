using HaloAgent.Commerce.Payments;
using HaloAgent.Engine.Runtime;
using HaloAgent.Payments.Paystack;
using HaloAgent.Platform.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Empties handled Paystack webhook bodies past <see cref="PaystackOptions.WebhookBodyDays"/> on every node, in
/// batches (idempotent: a body already emptied is skipped), like the channels' webhook body retention.
/// </summary>
public sealed class PaystackBodyRetention(
    IPaymentService payments, TimeProvider clock, IOptionsMonitor<PaystackOptions> options, IOptions<EngineOptions> engine, ILogger<PaystackBodyRetention> logger)
    : BackgroundService
{
    private const int Batch = 500;

    /// <summary>Empties every body past retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var days = options.CurrentValue.WebhookBodyDays;
        if (days <= 0)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
        var total = 0;
        int pruned;
        do
        {
            pruned = await payments.PruneWebhookBodiesAsync(cutoff, Batch, cancellationToken);
            total += pruned;
        }
        while (pruned == Batch);
        return total;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !engine.Value.RunWorkers
            ? Task.CompletedTask
            : WorkerLoop.RunAsync(
                async token =>
                {
                    if (await PruneAsync(token) is > 0 and var pruned)
                    {
                        logger.LogInformation("Emptied {Count} Paystack webhook bodies past retention", pruned);
                    }

                    return false;
                },
                token => Task.Delay(options.CurrentValue.RetentionInterval, TimeProvider.System, token),
                ex => logger.LogError(ex, "Emptying Paystack webhook bodies failed; trying again at the next interval"),
                stoppingToken);
}
