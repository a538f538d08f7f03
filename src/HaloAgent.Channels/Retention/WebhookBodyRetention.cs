using Dapper;
using HaloAgent.Channels.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HaloAgent.Platform.Workers;

namespace HaloAgent.Channels.Retention;

/// <summary>
/// Empties raw webhook bodies older than <see cref="RetentionOptions.WebhookBodyDays"/> on every node: idempotent
/// batched updates (a body already pruned, or one another node is pruning, is skipped), keeping the row, its id,
/// status and reason. Only finished events (processed or dead) are pruned: one still waiting is never lost. Dedupe of
/// customer messages lives in <c>channel_inbound_messages</c> and is not touched. Web chat pictures past
/// <see cref="RetentionOptions.WebChatImageDays"/> are deleted by the same worker.
/// </summary>
public sealed class WebhookBodyRetention : BackgroundService
{
    private const string PruneSql = """
        UPDATE webhook_inbox SET body = @Empty, pruned_at = @Now
        WHERE id IN (
            SELECT id FROM webhook_inbox
            WHERE pruned_at IS NULL AND processed_at IS NOT NULL AND received_at < @Cutoff
            ORDER BY received_at
            LIMIT @Batch {0})
        """;

    // Row values work on both providers; the index on created_at keeps the search off the pictures themselves.
    private const string PruneImagesSql = """
        DELETE FROM webchat_images WHERE (business_id, id) IN (
            SELECT business_id, id FROM webchat_images WHERE created_at < @Cutoff ORDER BY created_at LIMIT @Batch)
        """;

    private readonly ChannelsDatabase _database;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<ChannelsOptions> _options;
    private readonly ILogger<WebhookBodyRetention> _logger;

    internal WebhookBodyRetention(ChannelsDatabase database, TimeProvider clock, IOptionsMonitor<ChannelsOptions> options, ILogger<WebhookBodyRetention> logger)
    {
        _database = database;
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>Prunes every body past retention, batch by batch; returns how many were emptied.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Retention;
        if (options.WebhookBodyDays <= 0)
        {
            return 0;
        }

        var now = _clock.GetUtcNow();
        var parameters = new
        {
            Empty = Array.Empty<byte>(),
            Now = now.ToUnixTimeMilliseconds(),
            Cutoff = now.AddDays(-options.WebhookBodyDays).ToUnixTimeMilliseconds(),
            Batch = Math.Max(1, options.BatchSize),
        };
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, PruneSql, _database.Dialect.SkipLocked);
        var total = 0;
        while (true)
        {
            var pruned = await _database.RunAsync(
                write: true, (connection, token) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: token)), cancellationToken);
            total += pruned;
            if (pruned < parameters.Batch)
            {
                return total;
            }
        }
    }

    /// <summary>Deletes web chat pictures past <see cref="RetentionOptions.WebChatImageDays"/>, batch by batch; returns how many.</summary>
    public async Task<int> PruneImagesAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Retention;
        if (options.WebChatImageDays <= 0)
        {
            return 0;
        }

        var parameters = new
        {
            Cutoff = _clock.GetUtcNow().AddDays(-options.WebChatImageDays).ToUnixTimeMilliseconds(),
            Batch = Math.Max(1, options.BatchSize),
        };
        var total = 0;
        while (true)
        {
            var deleted = await _database.RunAsync(
                write: true, (connection, token) => connection.ExecuteAsync(new CommandDefinition(PruneImagesSql, parameters, cancellationToken: token)), cancellationToken);
            total += deleted;
            if (deleted < parameters.Batch)
            {
                return total;
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !_options.CurrentValue.RunWorkers
            ? Task.CompletedTask
            : WorkerLoop.RunAsync(
                async token =>
                {
                    var pruned = await PruneAsync(token); // prunes until nothing is past retention
                    if (pruned > 0)
                    {
                        _logger.LogInformation("Pruned {Count} webhook bodies past retention", pruned);
                    }

                    var images = await PruneImagesAsync(token);
                    if (images > 0)
                    {
                        _logger.LogInformation("Deleted {Count} web chat pictures past retention", images);
                    }

                    return false;
                },
                token => Task.Delay(_options.CurrentValue.Retention.Interval, TimeProvider.System, token),
                ex => _logger.LogError(ex, "Pruning webhook bodies failed; trying again at the next interval"),
                stoppingToken);
}
