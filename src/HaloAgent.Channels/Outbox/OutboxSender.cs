using Dapper;
using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Sends queued messages through the Graph API. A batch claims due rows (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL)
/// with a lease, at most one per customer and always that customer's oldest pending message, so a conversation keeps its
/// order; rows over the per-number throughput or the pair spacing are handed back for later without counting an
/// attempt. A row is claimed by one sender at a time and its wamid is recorded on success, so a retry never re-sends a
/// message Meta accepted (the one gap: a crash between Meta's answer and that record, after which the lease expires and
/// the row is sent again). Transient failures (5xx, network, 130429, 131056) retry with exponential backoff up to
/// <see cref="OutboxOptions.MaxAttempts"/>; Meta's permanent refusals (131047, 131026, 131050, 190, 132000…) are
/// recorded with their code and title at once.
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
        RETURNING id AS Id, business_id AS BusinessId, recipient AS Recipient, payload AS Payload, attempts AS Attempts,
                  next_attempt_at AS LeaseUntil, created_at AS CreatedAt
        """;

    private const string Fence = "WHERE id = @Id AND status = 'sending' AND next_attempt_at = @Lease";

    private readonly ChannelsDatabase _database;
    private readonly IChannelBusinessDirectory _directory;
    private readonly IServiceProvider _services;
    private readonly ThroughputLimiter _limiter;
    private readonly PairSpacer _spacer;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _clock;
    private readonly IOptionsMonitor<ChannelsOptions> _options;
    private readonly ILogger<OutboxSender> _logger;

    internal OutboxSender(
        ChannelsDatabase database, IChannelBusinessDirectory directory, IServiceProvider services, ThroughputLimiter limiter, PairSpacer spacer,
        OutboxSignal signal, TimeProvider clock, IOptionsMonitor<ChannelsOptions> options, ILogger<OutboxSender> logger)
    {
        _database = database;
        _directory = directory;
        _services = services;
        _limiter = limiter;
        _spacer = spacer;
        _signal = signal;
        _clock = clock;
        _options = options;
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

        // Decide sequentially, in queue order, so the limits are applied deterministically; then send in parallel.
        var businesses = new Dictionary<string, ChannelBusiness?>(StringComparer.Ordinal);
        var sends = new List<(OutboxRow Row, ChannelBusiness Business)>();
        var unroutable = 0;
        foreach (var row in rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (!businesses.TryGetValue(row.BusinessId, out var business))
            {
                business = businesses[row.BusinessId] = await _directory.GetAsync(row.BusinessId, cancellationToken);
            }

            if (business is not { PhoneNumberId.Length: > 0, AccessToken.Length: > 0 })
            {
                await FinishAsync(row, "failed", null, $"Business {row.BusinessId} has no WhatsApp phone number id or access token.", null, now);
                unroutable++;
                continue;
            }

            var wait = _spacer.WaitFor(business.PhoneNumberId, row.Recipient);
            if (wait == TimeSpan.Zero)
            {
                wait = _limiter.TryAcquire(business.PhoneNumberId);
            }

            if (wait > TimeSpan.Zero)
            {
                await DeferAsync(row, now + (long)Math.Ceiling(wait.TotalMilliseconds), now, cancellationToken);
                continue;
            }

            _spacer.Record(business.PhoneNumberId, row.Recipient);
            sends.Add((row, business));
        }

        var graph = _services.GetRequiredService<WhatsAppGraphClient>(); // fresh typed client per batch (handler rotation)
        await Parallel.ForEachAsync(
            sends,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = cancellationToken },
            (send, token) => new ValueTask(SendAsync(graph, send.Row, send.Business, options, token)));
        return sends.Count + unroutable;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.CurrentValue.RunWorkers)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken) == 0)
                {
                    await _signal.WaitAsync(_options.CurrentValue.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Claimed rows are released by their lease; keep the loop alive.
                _logger.LogError(ex, "Outbox batch failed");
                await _signal.WaitAsync(_options.CurrentValue.PollInterval, stoppingToken);
            }
        }
    }

    private async Task SendAsync(WhatsAppGraphClient graph, OutboxRow row, ChannelBusiness business, OutboxOptions options, CancellationToken cancellationToken)
    {
        string wamid;
        try
        {
            wamid = await graph.SendRawAsync(business.PhoneNumberId!, business.AccessToken!, row.Payload, cancellationToken);
        }
        catch (GraphApiException ex)
        {
            await FailedAttemptAsync(row, ex.IsTransient, ex.Code, ex.Title, ex.Details, options, ex);
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
    }

    private async Task FailedAttemptAsync(
        OutboxRow row, bool transient, int? code, string? title, string? details, OutboxOptions options, Exception error)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
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
        await FinishAsync(row, "failed", code, title, MetaErrors.Explain(code) ?? details, now);
    }

    private Task FinishAsync(OutboxRow row, string status, int? code, string? title, string? detail, long now) =>
        _database.RunAsync(
            write: true,
            (connection, token) => connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE outbound_messages SET status = @Status, error_code = @Code, error_title = @Title, error_detail = @Detail, status_at = @Now, updated_at = @Now {Fence}",
                new { row.Id, Lease = row.LeaseUntil, Status = status, Code = code, Title = title, Detail = detail, Now = now }, cancellationToken: token)),
            CancellationToken.None);

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
