using HaloAgent.Platform.Messaging;
using Dapper;
using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Outbox.Transports;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using HaloAgent.Platform.Workers;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Sends queued messages, each through the transport of its channel (<see cref="IOutboundTransport"/>: WhatsApp's Graph
/// API, Twilio, web chat). A batch claims due rows (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL)
/// with a lease, at most one per customer and always that customer's oldest pending message, so a conversation keeps its
/// order; rows over the per-number throughput or the pair spacing are handed back for later without counting an
/// attempt. A row is claimed by one sender at a time and its wamid is recorded on success, so a retry never re-sends a
/// message Meta accepted (the one gap: a crash between Meta's answer and that record, after which the lease expires and
/// the row is sent again). Transient failures (5xx, network, 130429, 131056) retry with exponential backoff up to
/// <see cref="OutboxOptions.MaxAttempts"/>; Meta's permanent refusals (131047, 131026, 131050, 190, 132000…) are
/// recorded with their code and title at once; a message refused for the closed 24-hour window (131047) is queued again
/// as the business's approved re-engagement template when one is configured (<see cref="ReengagementFallback"/>).
/// </summary>
public sealed class OutboxSender : BackgroundService
{
    private const string ClaimSql = """
        UPDATE outbound_messages SET status = 'sending', attempts = attempts + 1, next_attempt_at = @Lease, updated_at = @Now
        WHERE id IN (
            SELECT o.id FROM outbound_messages o
            WHERE o.status IN ('queued', 'sending') AND o.next_attempt_at <= @Now
              AND NOT EXISTS (
                  SELECT 1 FROM outbound_messages e
                  WHERE e.business_id = o.business_id AND e.recipient = o.recipient AND e.status IN ('queued', 'sending')
                    AND (e.created_at < o.created_at OR (e.created_at = o.created_at AND e.id < o.id)))
            ORDER BY o.next_attempt_at, o.created_at
            LIMIT @Batch {0})
        RETURNING id AS Id, business_id AS BusinessId, recipient AS Recipient, idempotency_key AS IdempotencyKey, channel AS Channel,
                  message_type AS MessageType, payload AS Payload, template_language AS TemplateLanguage, attempts AS Attempts,
                  next_attempt_at AS LeaseUntil, created_at AS CreatedAt
        """;

    private const string Fence = "WHERE id = @Id AND status = 'sending' AND next_attempt_at = @Lease";

    private readonly ChannelsDatabase _database;
    private readonly IChannelBusinessDirectory _directory;
    private readonly IServiceProvider _services;
    private readonly ThroughputLimiter _limiter;
    private readonly PairSpacer _spacer;
    private readonly OutboxSignal _signal;
    private readonly ChannelsMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<ChannelsOptions> _options;
    private readonly IOptionsMonitor<WhatsAppOptions> _whatsApp;
    private readonly ILogger<OutboxSender> _logger;

    internal OutboxSender(
        ChannelsDatabase database, IChannelBusinessDirectory directory, IServiceProvider services, ThroughputLimiter limiter, PairSpacer spacer,
        OutboxSignal signal, ChannelsMetrics metrics, TimeProvider clock, IOptionsMonitor<ChannelsOptions> options, IOptionsMonitor<WhatsAppOptions> whatsApp, ILogger<OutboxSender> logger)
    {
        _database = database;
        _directory = directory;
        _services = services;
        _limiter = limiter;
        _spacer = spacer;
        _signal = signal;
        _metrics = metrics;
        _clock = clock;
        _options = options;
        _whatsApp = whatsApp;
        _logger = logger;
    }

    /// <summary>
    /// Claims one batch of due messages and sends those the limits allow now. Returns how many Graph calls were made
    /// (sent, retried or failed); 0 when nothing was due or everything due has to wait.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue.Outbox;
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lease = now + (long)options.Lease.TotalMilliseconds;
        var rows = await _database.RunAsync(
            write: true,
            async (connection, token) => (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, ClaimSql, _database.Dialect.SkipLocked),
                new { Now = now, Lease = lease, Batch = Math.Max(1, options.BatchSize) }, cancellationToken: token))).ToList(),
            cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // Fresh transports (and so typed HTTP clients) per batch, for handler rotation.
        var transports = _services.GetServices<IOutboundTransport>().ToDictionary(t => t.Channel);

        // Decide sequentially, in queue order, so the limits are applied deterministically; then send in parallel.
        var businesses = new Dictionary<string, ChannelBusiness?>(StringComparer.Ordinal);
        var sends = new List<(OutboxRow Row, ChannelBusiness Business, IOutboundTransport Transport)>();
        var unroutable = 0;
        foreach (var row in rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (!businesses.TryGetValue(row.BusinessId, out var business))
            {
                business = businesses[row.BusinessId] = await _directory.GetAsync(row.BusinessId, cancellationToken);
            }

            var transport = transports.GetValueOrDefault(row.ChannelKind);
            var problem = business is null ? $"There is no business {row.BusinessId}."
                : transport is null ? $"No transport sends on channel '{row.Channel}'."
                : transport.Unroutable(business);
            if (problem is not null)
            {
                await FinishAsync(row, "failed", null, problem, null, now);
                _metrics.Send(row.Channel, "failed", null);
                unroutable++;
                continue;
            }

            if (transport!.LimitKey(business!) is { } number)
            {
                var wait = _spacer.WaitFor(number, row.Recipient);
                if (wait == TimeSpan.Zero)
                {
                    wait = _limiter.TryAcquire(number);
                }

                if (wait > TimeSpan.Zero)
                {
                    await DeferAsync(row, now + (long)Math.Ceiling(wait.TotalMilliseconds), now, cancellationToken);
                    continue;
                }

                _spacer.Record(number, row.Recipient);
            }

            sends.Add((row, business!, transport));
        }

        await Parallel.ForEachAsync(
            sends,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = cancellationToken },
            (send, token) => new ValueTask(SendAsync(send.Transport, send.Row, send.Business, options, token)));
        return sends.Count + unroutable;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !_options.CurrentValue.RunWorkers
            ? Task.CompletedTask
            : WorkerLoop.RunAsync(
                async token => await SendDueAsync(token) > 0,
                _signal,
                () => _options.CurrentValue.PollInterval,
                ex => _logger.LogError(ex, "Outbox batch failed"),
                stoppingToken);

    private async Task SendAsync(IOutboundTransport transport, OutboxRow row, ChannelBusiness business, OutboxOptions options, CancellationToken cancellationToken)
    {
        string wamid;
        try
        {
            wamid = await transport.SendAsync(row, business, cancellationToken);
        }
        catch (ChannelSendException ex)
        {
            await FailedAttemptAsync(row, ex.IsTransient, ex.Code, ex.Title, ex.Explanation ?? ex.Details, options, ex);
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await FailedAttemptAsync(row, transient: true, null, $"Network error: {ex.Message}", null, options, ex);
            return;
        }

        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _database.WriteAsync(async scope =>
        {
            await scope.Connection.ExecuteAsync(scope.Command(
                $"UPDATE outbound_messages SET status = 'sent', wamid = @Wamid, status_at = @Now, updated_at = @Now, error_code = NULL, error_title = NULL, error_detail = NULL {Fence}",
                new { row.Id, Lease = row.LeaseUntil, Wamid = wamid, Now = now }));
            await DeliveryStatusRecorder.ApplyStoredAsync(scope.Connection, scope.Transaction, wamid, now, scope.CancellationToken);
            return true;
        }, CancellationToken.None); // Meta has it: record that even if we are shutting down
        _metrics.Send(row.Channel, "sent", null);
    }

    private async Task FailedAttemptAsync(
        OutboxRow row, bool transient, int? code, string? title, string? detail, OutboxOptions options, Exception error)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        _metrics.Send(row.Channel, transient && row.Attempts < options.MaxAttempts ? "retry" : "failed", code);
        if (transient && row.Attempts < options.MaxAttempts)
        {
            var delay = Backoff(row.Attempts, options);
            _logger.LogWarning("Send of outbox message {Id} failed (attempt {Attempt}, code {Code}); retrying in {Delay}: {Error}", row.Id, row.Attempts, code, delay, error.Message);
            await _database.RunAsync(
                write: true,
                (connection, token) => connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE outbound_messages SET status = 'queued', next_attempt_at = @At, error_code = @Code, error_title = @Title, updated_at = @Now {Fence}",
                    new { row.Id, Lease = row.LeaseUntil, At = now + (long)delay.TotalMilliseconds, Code = code, Title = title, Now = now }, cancellationToken: token)),
                CancellationToken.None);
            return;
        }

        var level = code == MetaErrors.AccessTokenExpired ? LogLevel.Error : LogLevel.Warning;
        _logger.Log(level, "Outbox message {Id} failed for good after {Attempts} attempt(s): code {Code} {Title}", row.Id, row.Attempts, code, title);
        var fallback = ReengagementFallback.For(row, code, _whatsApp.CurrentValue.ReengagementTemplate);
        if (fallback is null)
        {
            await FinishAsync(row, "failed", code, title, detail, now);
            return;
        }

        // The refusal and its replacement are recorded together: the template is queued exactly once.
        var postgres = _database.Dialect.Provider == DatabaseProvider.Postgres;
        await _database.WriteAsync(async scope =>
        {
            await FinishAsync(scope.Connection, scope.Transaction, row, "failed", code, title, $"{detail} Sent again as the approved template '{_whatsApp.CurrentValue.ReengagementTemplate}'.", now, scope.CancellationToken);
            await OutboxSql.InsertAsync(scope.Connection, scope.Transaction, postgres, [fallback], now, scope.CancellationToken);
            return true;
        }, CancellationToken.None);
        _signal.Notify();
    }

    private Task FinishAsync(OutboxRow row, string status, int? code, string? title, string? detail, long now) =>
        _database.RunAsync(
            write: true,
            (connection, token) => FinishAsync(connection, null, row, status, code, title, detail, now, token),
            CancellationToken.None);

    private static Task<int> FinishAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, OutboxRow row, string status, int? code,
        string? title, string? detail, long now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE outbound_messages SET status = @Status, error_code = @Code, error_title = @Title, error_detail = @Detail, status_at = @Now, updated_at = @Now {Fence}",
            new { row.Id, Lease = row.LeaseUntil, Status = status, Code = code, Title = title, Detail = detail, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>Hands a row back without counting an attempt: it was never sent.</summary>
    private Task DeferAsync(OutboxRow row, long at, long now, CancellationToken cancellationToken) =>
        _database.RunAsync(
            write: true,
            (connection, token) => connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE outbound_messages SET status = 'queued', attempts = attempts - 1, next_attempt_at = @At, updated_at = @Now {Fence}",
                new { row.Id, Lease = row.LeaseUntil, At = at, Now = now }, cancellationToken: token)),
            cancellationToken);

    internal static TimeSpan Backoff(int attempt, OutboxOptions options)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = TimeSpan.FromMilliseconds(options.RetryBaseDelay.TotalMilliseconds * factor);
        return delay < options.RetryMaxDelay ? delay : options.RetryMaxDelay;
    }
}
