using System.Diagnostics.Metrics;
using Dapper;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Channels;

/// <summary>
/// The channels' metrics (meter <see cref="MeterName"/>): how long a webhook took to be acked, sends by outcome and
/// Meta error code, and gauges read from the database on scrape (one query, cached): inbox and outbox depth and the age
/// of their oldest waiting entry.
/// </summary>
public sealed class ChannelsMetrics
{
    public const string MeterName = "HaloAgent.Channels";

    private static readonly double[] AckBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Histogram<double> _ack;
    private readonly Counter<long> _sends;
    private readonly ScrapeCache<Snapshot> _snapshot;
    private readonly ChannelsDatabase _database;
    private readonly TimeProvider _clock;

    internal ChannelsMetrics(IMeterFactory meters, ChannelsDatabase database, TimeProvider clock, ILogger<ChannelsMetrics> logger)
    {
        _database = database;
        _clock = clock;
        _snapshot = new ScrapeCache<Snapshot>(LoadAsync, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), logger);
        var meter = meters.Create(MeterName);
        _ack = meter.CreateHistogram("haloagent.webhook.ack.duration", "s", "Time to answer a webhook (signature check and the durable insert into the inbox), by provider and status code.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AckBuckets });
        _sends = meter.CreateCounter<long>("haloagent.outbox.sends", "{message}", "Send attempts by channel and result (sent, retry, failed) and the provider's error code.");
        meter.CreateObservableGauge("haloagent.inbox.depth", () => Read<long>(s => [new Measurement<long>(s.InboxPending)]),
            "{event}", "Stored webhook events not processed yet (including those waiting for a retry).");
        meter.CreateObservableGauge("haloagent.inbox.age", () => Read<double>(s => [new Measurement<double>(s.InboxOldestSeconds)]),
            "s", "Age of the oldest unprocessed webhook event (0 when none).");
        meter.CreateObservableGauge("haloagent.outbox.depth", () => Read<long>(s => [
                new Measurement<long>(s.OutboxQueued, new KeyValuePair<string, object?>("status", "queued")),
                new Measurement<long>(s.OutboxSending, new KeyValuePair<string, object?>("status", "sending"))]),
            "{message}", "Outgoing messages waiting to be sent (queued) or claimed by a sender (sending).");
        meter.CreateObservableGauge("haloagent.outbox.age", () => Read<double>(s => [new Measurement<double>(s.OutboxOldestSeconds)]),
            "s", "Age of the oldest outgoing message not sent yet (0 when none).");
    }

    /// <summary>Records a webhook answered after <paramref name="elapsed"/> with <paramref name="statusCode"/>.</summary>
    public void WebhookAcked(string provider, int statusCode, TimeSpan elapsed) =>
        _ack.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("status_code", statusCode));

    /// <summary>Records one send attempt: <c>sent</c>, <c>retry</c> (transient failure, tried again later) or <c>failed</c>.</summary>
    public void Send(string channel, string result, int? errorCode) =>
        _sends.Add(1,
            new KeyValuePair<string, object?>("channel", channel),
            new KeyValuePair<string, object?>("result", result),
            new KeyValuePair<string, object?>("error_code", errorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    private IEnumerable<Measurement<TValue>> Read<TValue>(Func<Snapshot, IEnumerable<Measurement<TValue>>> select)
        where TValue : struct =>
        _snapshot.Get() is { } snapshot ? select(snapshot) : [];

    private Task<Snapshot> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(
            write: false,
            async (connection, token) =>
            {
                var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
                // One round trip, both served by the partial "due" indexes of the two queues.
                var rows = (await connection.QueryAsync<(string Queue, long Count, long? Oldest)>(new CommandDefinition($"""
                    SELECT 'inbox' AS queue, COUNT(*) AS count, MIN(received_at) AS oldest FROM webhook_inbox WHERE processed_at IS NULL
                    UNION ALL
                    SELECT status, COUNT(*), MIN(created_at) FROM outbound_messages WHERE {OutboxSql.PendingFilter} GROUP BY status
                    """, cancellationToken: token))).ToList();
                double Age(long? oldest) => oldest is { } at ? Math.Max(0, (now - at) / 1000.0) : 0;
                var inbox = rows.FirstOrDefault(r => r.Queue == "inbox");
                var queued = rows.FirstOrDefault(r => r.Queue == "queued");
                var sending = rows.FirstOrDefault(r => r.Queue == "sending");
                var outboxOldest = new[] { queued.Oldest, sending.Oldest }.Where(o => o is not null).Min();
                return new Snapshot(inbox.Count, Age(inbox.Oldest), queued.Count, sending.Count, Age(outboxOldest));
            },
            cancellationToken);

    private sealed record Snapshot(long InboxPending, double InboxOldestSeconds, long OutboxQueued, long OutboxSending, double OutboxOldestSeconds);
}
