using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Twilio;
using HaloAgent.Channels.WebChat;
using HaloAgent.Channels.Webhooks;
using HaloAgent.Channels.WhatsApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Inbox;

/// <summary>
/// Works through stored webhook events off the request path. Claims due events in batches with a lease
/// (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so several nodes share the work), parses them, routes every change by
/// its <c>metadata.phone_number_id</c> (Twilio: by the To number), hands each new message to
/// <see cref="IInboundMessageHandler"/> once, and applies delivery reports to the outbox. An event that cannot be parsed
/// is kept and marked failed with the reason; one that fails while being processed is retried with backoff up to
/// <see cref="InboxOptions.MaxAttempts"/> and then marked failed with its last error: nothing is dropped silently.
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
        RETURNING id AS Id, provider AS Provider, body AS Body, attempts AS Attempts, received_at AS ReceivedAt
        """;

    private readonly ChannelsDatabase _database;
    private readonly InboundMessageStore _messages;
    private readonly DeliveryStatusRecorder _statuses;
    private readonly IChannelBusinessDirectory _directory;
    private readonly IServiceScopeFactory _scopes;
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
        _messages = messages;
        _statuses = statuses;
        _directory = directory;
        _scopes = scopes;
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
            var keys = ordered.Select(LaneKey).ToList();
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
                await ProcessPendingAsync(stoppingToken);
                await _signal.WaitAsync(_options.CurrentValue.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Claimed events are released by their lease; keep the loop alive.
                _logger.LogError(ex, "Webhook inbox batch failed");
                await _signal.WaitAsync(_options.CurrentValue.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>The customer an event is about (its own id when it carries no message); null when it carries several customers.</summary>
    private static string? LaneKey(InboxRow row)
    {
        try
        {
            var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt);
            if (row.Provider == WebhookProviders.WebChat)
            {
                return "webchat:" + (WebChatMessageParser.Parse(row.Body, out _)?.From ?? row.Id);
            }

            if (row.Provider == WebhookProviders.Twilio)
            {
                return "twilio:" + (TwilioMessageParser.Parse(TwilioMessageParser.ReadForm(row.Body), receivedAt).Message?.From ?? row.Id);
            }

            var parsed = WhatsAppPayloadParser.Parse(row.Body, receivedAt);
            var senders = parsed.Success ? parsed.Changes.SelectMany(c => c.Messages).Select(m => m.From).Distinct().ToList() : [];
            return senders.Count switch
            {
                0 => "event:" + row.Id,
                1 => "whatsapp:" + senders[0],
                _ => null,
            };
        }
        catch (Exception)
        {
            return "event:" + row.Id; // unreadable: processing reports the error
        }
    }

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
            await FinishAsync(row, "failed", $"Gave up after {row.Attempts - 1} attempts that never finished.");
            return;
        }

        InboxOutcome outcome;
        try
        {
            outcome = row.Provider switch
            {
                WebhookProviders.WhatsApp => await ProcessWhatsAppAsync(row, cancellationToken),
                WebhookProviders.Twilio => await ProcessTwilioAsync(row, cancellationToken),
                WebhookProviders.WebChat => await ProcessWebChatAsync(row, cancellationToken),
                _ => InboxOutcome.Fail($"Unknown webhook provider '{row.Provider}'."),
            };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"{ex.GetType().Name}: {ex.Message}";
            if (row.Attempts >= options.MaxAttempts)
            {
                _logger.LogError(ex, "Webhook event {Id} failed {Attempts} times; marked failed", row.Id, row.Attempts);
                await FinishAsync(row, "failed", error);
            }
            else
            {
                var delay = Backoff(row.Attempts, options);
                _logger.LogWarning(ex, "Webhook event {Id} failed (attempt {Attempt}); retrying in {Delay}", row.Id, row.Attempts, delay);
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

        if (outcome.Failed)
        {
            _logger.LogWarning("Webhook event {Id} cannot be processed: {Error}", row.Id, outcome.Note);
        }

        await FinishAsync(row, outcome.Failed ? "failed" : "processed", outcome.Note);
    }

    private async Task<InboxOutcome> ProcessWhatsAppAsync(InboxRow row, CancellationToken cancellationToken)
    {
        var parsed = WhatsAppPayloadParser.Parse(row.Body, DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt));
        if (!parsed.Success)
        {
            return InboxOutcome.Fail(parsed.Error!);
        }

        if (parsed.Object != WhatsAppPayloadParser.BusinessAccountObject)
        {
            return InboxOutcome.Done($"Ignored: object '{parsed.Object}' is not {WhatsAppPayloadParser.BusinessAccountObject}.");
        }

        var notes = new List<string>();
        foreach (var change in parsed.Changes)
        {
            if (change.Messages.Count == 0 && change.Statuses.Count == 0 && change.Errors.Count == 0)
            {
                if (change.Field != "messages")
                {
                    notes.Add($"Ignored change '{change.Field}'.");
                }

                continue;
            }

            var business = change.PhoneNumberId is null ? null : await _directory.FindByPhoneNumberIdAsync(change.PhoneNumberId, cancellationToken);
            if (business is null)
            {
                _logger.LogWarning(
                    "Webhook event {Id}: no business has phone_number_id {PhoneNumberId}; {Messages} message(s) and {Statuses} status(es) not routed",
                    row.Id, change.PhoneNumberId, change.Messages.Count, change.Statuses.Count);
                notes.Add($"Unknown phone_number_id '{change.PhoneNumberId}': {change.Messages.Count} message(s), {change.Statuses.Count} status(es) not routed.");
                continue;
            }

            foreach (var error in change.Errors)
            {
                _logger.LogWarning("WhatsApp reported error {Code} for business {BusinessId}: {Title} {Details}", error.Code, business.Id, error.Title, error.Details);
                notes.Add($"Meta error {error.Code}: {error.Title}");
            }

            foreach (var message in change.Messages)
            {
                await HandOffAsync(message with { BusinessId = business.Id }, row.Id, cancellationToken);
            }

            foreach (var status in change.Statuses)
            {
                await _statuses.RecordAsync(status, row.Id, cancellationToken);
            }
        }

        return InboxOutcome.Done(notes.Count == 0 ? null : string.Join(" ", notes));
    }

    private async Task<InboxOutcome> ProcessTwilioAsync(InboxRow row, CancellationToken cancellationToken)
    {
        var parsed = TwilioMessageParser.Parse(TwilioMessageParser.ReadForm(row.Body), DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt));
        if (parsed.Message is null)
        {
            return InboxOutcome.Fail(parsed.Error ?? "Unreadable Twilio webhook.");
        }

        var business = await _directory.FindByTwilioNumberAsync(parsed.BusinessNumber!, cancellationToken);
        if (business is null)
        {
            _logger.LogWarning("Webhook event {Id}: no business has the Twilio number {Number}", row.Id, parsed.BusinessNumber);
            return InboxOutcome.Done($"Unknown Twilio number '{parsed.BusinessNumber}': message not routed.");
        }

        await HandOffAsync(parsed.Message with { BusinessId = business.Id }, row.Id, cancellationToken);
        return InboxOutcome.Done();
    }

    private async Task<InboxOutcome> ProcessWebChatAsync(InboxRow row, CancellationToken cancellationToken)
    {
        var message = WebChatMessageParser.Parse(row.Body, out var error);
        if (message is null)
        {
            return InboxOutcome.Fail(error!);
        }

        await HandOffAsync(message, row.Id, cancellationToken);
        return InboxOutcome.Done();
    }

    private async Task HandOffAsync(InboundMessage message, string inboxId, CancellationToken cancellationToken)
    {
        using var messageScope = ChannelsTelemetry.MessageScope(_logger, message);
        if (!await _messages.TryClaimAsync(message, inboxId, cancellationToken))
        {
            _logger.LogDebug("Duplicate delivery of message {MessageId} for business {BusinessId} ignored", message.ExternalId, message.BusinessId);
            return;
        }

        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, cancellationToken);
        }
        catch
        {
            await _messages.ReleaseAsync(message, CancellationToken.None);
            throw;
        }

        await _messages.CompleteAsync(message, CancellationToken.None);
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
