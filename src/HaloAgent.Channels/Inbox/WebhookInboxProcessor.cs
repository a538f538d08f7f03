using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HaloAgent.Platform.Workers;

namespace HaloAgent.Channels.Inbox;

/// <summary>
/// Works through stored webhook events off the request path. Claims due events in batches with a lease
/// (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so several nodes share the work), parses them, routes every change by
/// its <c>metadata.phone_number_id</c> (Twilio: by the To number), hands each new message to
/// <see cref="IInboundMessageHandler"/> once, and applies delivery reports to the outbox. Failures are classified: a
/// poison event (unparseable, invalid sender or UTF-8, oversized text, unknown number) is dead-lettered at once with the
/// reason (<see cref="InboxEventRouter"/>); one that fails while being processed (database, timeouts) is retried with
/// backoff up to <see cref="InboxOptions.MaxAttempts"/> and then dead-lettered with its last error. Dead letters are
/// kept for the platform admin to re-queue or discard (<see cref="DeadLetters"/>): nothing is dropped silently.
/// </summary>
public sealed class WebhookInboxProcessor : BackgroundService
{
    private const string ClaimSql = """
        UPDATE webhook_inbox SET attempts = attempts + 1, next_attempt_at = @Lease
        WHERE id IN (
            SELECT id FROM webhook_inbox
            WHERE processed_at IS NULL AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, id
            LIMIT @Batch {0})
        RETURNING id AS Id, provider AS Provider, body AS Body, attempts AS Attempts, received_at AS ReceivedAt, trace_parent AS TraceParent
        """;

    private readonly ChannelsDatabase _database;
    private readonly InboxEventRouter _router;
    private readonly InboxSignal _signal;
    private readonly AckPriority _priority;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<ChannelsOptions> _options;
    private readonly ILogger<WebhookInboxProcessor> _logger;

    internal WebhookInboxProcessor(
        ChannelsDatabase database, InboundMessageStore messages, DeliveryStatusRecorder statuses, IChannelBusinessDirectory directory,
        IServiceScopeFactory scopes, InboxSignal signal, AckPriority priority, TimeProvider clock, IOptionsMonitor<ChannelsOptions> options, ILogger<WebhookInboxProcessor> logger)
    {
        _database = database;
        _router = new InboxEventRouter(messages, statuses, directory, scopes, logger);
        _signal = signal;
        _priority = priority;
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>Processes batches until no stored event is due; returns how many events were worked on.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var rows = await ClaimAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return total;
            }

            // A customer's messages reach the agent in the order they were sent; different customers go in parallel.
            // Each lane holds one customer's events in arrival order. A rare event carrying several customers' messages
            // makes the whole batch one lane, so no order is ever broken.
            var ordered = rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            var keys = ordered.Select(InboxEventRouter.LaneKey).ToList();
            var lanes = keys.Contains(null)
                ? [ordered]
                : ordered.Zip(keys, (row, key) => (row, key: key!)).GroupBy(x => x.key).Select(g => g.Select(x => x.row).ToList()).ToList();
            await Parallel.ForEachAsync(
                lanes,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.CurrentValue.Inbox.Concurrency), CancellationToken = cancellationToken },
                async (lane, token) =>
                {
                    foreach (var row in lane)
                    {
                        await _priority.RunAsync(() => ProcessAsync(row, token), _options.CurrentValue.Inbox.YieldToAcks, token);
                    }
                });
            total += rows.Count;
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !_options.CurrentValue.RunWorkers
            ? Task.CompletedTask
            : WorkerLoop.RunAsync(
                async token =>
                {
                    await ProcessPendingAsync(token); // works until nothing is due
                    return false;
                },
                _signal,
                () => _options.CurrentValue.PollInterval,
                ex => _logger.LogError(ex, "Webhook inbox batch failed"),
                stoppingToken);

    private async Task<List<InboxRow>> ClaimAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Inbox;
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, ClaimSql, _database.Dialect.SkipLocked);
        return await _database.RunAsync(
            write: true,
            async (connection, token) => (await connection.QueryAsync<InboxRow>(new CommandDefinition(
                sql, new { Now = now, Lease = now + (long)options.Lease.TotalMilliseconds, Batch = Math.Max(1, options.BatchSize) }, cancellationToken: token))).ToList(),
            cancellationToken);
    }

    private async Task ProcessAsync(InboxRow row, CancellationToken cancellationToken)
    {
        using var telemetry = ChannelsTelemetry.StartProcessing(row, _logger);
        var options = _options.CurrentValue.Inbox;
        if (row.Attempts > options.MaxAttempts)
        {
            // Claimed again after its lease ran out more often than allowed: the node died processing it each time.
            await FinishAsync(row, DeadLetters.Dead, $"Gave up after {row.Attempts - 1} attempts that never finished.");
            return;
        }

        InboxOutcome outcome;
        try
        {
            outcome = await _router.ProcessAsync(row, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Poison was classified above and never throws; what throws here is the database, a handler's dependency
            // or a timeout: transient until proven otherwise, so it is retried with backoff up to the cap.
            var error = $"{ex.GetType().Name}: {ex.Message}";
            if (row.Attempts >= options.MaxAttempts)
            {
                _logger.LogError(ex, "Webhook event {Id} failed {Attempts} times; dead-lettered", row.Id, row.Attempts);
                await FinishAsync(row, DeadLetters.Dead, $"Gave up after {row.Attempts} attempts: {error}");
            }
            else
            {
                var delay = Backoff(row.Attempts, options);
                if (ex is MessageBeingHandledException)
                {
                    // Expected (a redelivery racing its first delivery, or a dead node's claim): the reason is enough, no stack.
                    _logger.LogInformation("Webhook event {Id} waits (attempt {Attempt}): {Reason} Retrying in {Delay}", row.Id, row.Attempts, ex.Message, delay);
                }
                else
                {
                    _logger.LogWarning(ex, "Webhook event {Id} failed (attempt {Attempt}); retrying in {Delay}", row.Id, row.Attempts, delay);
                }

                var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
                await _database.RunAsync(
                    write: true,
                    (connection, token) => connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE webhook_inbox SET next_attempt_at = @At, error = @Error WHERE id = @Id",
                        new { row.Id, At = now + (long)delay.TotalMilliseconds, Error = error }, cancellationToken: token)),
                    CancellationToken.None);
            }

            return;
        }

        if (outcome.Dead)
        {
            _logger.LogWarning("Webhook event {Id} dead-lettered: {Reason}", row.Id, outcome.Note);
        }

        await FinishAsync(row, outcome.Dead ? DeadLetters.Dead : "processed", outcome.Note);
    }

    private Task FinishAsync(InboxRow row, string status, string? note)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        return _database.RunAsync(
            write: true,
            (connection, token) => connection.ExecuteAsync(new CommandDefinition(
                "UPDATE webhook_inbox SET status = @Status, processed_at = @Now, error = @Note WHERE id = @Id",
                new { row.Id, Status = status, Now = now, Note = note }, cancellationToken: token)),
            CancellationToken.None);
    }

    private static TimeSpan Backoff(int attempt, InboxOptions options)
    {
        var delay = TimeSpan.FromMilliseconds(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30)));
        return delay < options.RetryMaxDelay ? delay : options.RetryMaxDelay;
    }
}
