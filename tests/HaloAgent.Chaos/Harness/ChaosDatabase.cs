using System.Text.Json.Nodes;
using Npgsql;

namespace HaloAgent.Chaos;

/// <summary>Read-only checks straight against the database the nodes share: backlogs, the outbox, timers' journals.</summary>
public sealed class ChaosDatabase(string connectionString)
{
    /// <summary>
    /// Work still to do anywhere: webhooks not processed, messages not handed to the agent, sends pending, instances due;
    /// and what gave up: faulted instances, failed sends, dead-lettered webhooks (<c>DeadLetters.Dead</c>: 'dead').
    /// </summary>
    public async Task<Backlog> BacklogAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var rows = await QueryAsync(
            """
            SELECT (SELECT count(*) FROM webhook_inbox WHERE processed_at IS NULL),
                   (SELECT count(*) FROM channel_inbound_messages WHERE handled_at IS NULL),
                   (SELECT count(*) FROM outbound_messages WHERE status IN ('queued', 'sending')),
                   (SELECT count(*) FROM flow_instances WHERE wake_at IS NOT NULL AND wake_at <= @now),
                   (SELECT count(*) FROM flow_instances WHERE status = 'Faulted'),
                   (SELECT count(*) FROM outbound_messages WHERE status = 'failed'),
                   (SELECT count(*) FROM webhook_inbox WHERE status = 'dead')
            """,
            r => new Backlog(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)),
            cancellationToken,
            ("now", now));
        return rows[0];
    }

    /// <summary>Waits until nothing is pending or due (or <paramref name="timeout"/> passes); returns the last backlog read.</summary>
    public async Task<Backlog> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken, Func<bool>? alsoDone = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Backlog backlog;
            try
            {
                backlog = await BacklogAsync(cancellationToken);
            }
            catch (NpgsqlException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(250, cancellationToken);
                continue;
            }

            if ((backlog.Idle && (alsoDone?.Invoke() ?? true)) || clock.Elapsed > timeout)
            {
                return backlog;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public Task<List<OutboxEntry>> OutboxAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id, idempotency_key, recipient, payload, status, wamid, attempts FROM outbound_messages",
            r => new OutboxEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6)),
            cancellationToken);

    /// <summary>The contacts of every business: wa_id → contact id.</summary>
    public async Task<Dictionary<string, string>> ContactIdsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT wa_id, id FROM contacts", r => (WaId: r.GetString(0), Id: r.GetString(1)), cancellationToken))
            .GroupBy(c => c.WaId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

    /// <summary>
    /// Every instance of <paramref name="flowId"/> with how often its <paramref name="timerNode"/> was resumed (a timer
    /// firing) according to its journal, the counter variable <paramref name="counter"/> (incremented once after the
    /// timer) and whether its journal sequences are gapless and unique.
    /// </summary>
    public async Task<List<TimerInstance>> TimerInstancesAsync(string flowId, string timerNode, string counter, CancellationToken cancellationToken)
    {
        var instances = await QueryAsync(
            "SELECT id, status, data, correlation_key FROM flow_instances WHERE flow_id = @flow",
            r => (Id: r.GetString(0), Status: r.GetString(1), Data: r.GetString(2), Key: r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken,
            ("flow", flowId));
        var journals = (await QueryAsync(
                "SELECT j.instance_id, j.entries FROM flow_journal j JOIN flow_instances i ON i.id = j.instance_id WHERE i.flow_id = @flow",
                r => (Id: r.GetString(0), Entries: r.GetString(1)),
                cancellationToken,
                ("flow", flowId)))
            .GroupBy(j => j.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(j => JsonNode.Parse(j.Entries)!.AsArray()).ToList(), StringComparer.Ordinal);
        return instances.Select(i =>
        {
            var entries = journals.GetValueOrDefault(i.Id) ?? [];
            var fired = entries.Count(e => e!["nodeId"]?.GetValue<string>() == timerNode && e["kind"]?.GetValue<string>() == "resumed");
            var sequences = entries.Select(e => e!["sequence"]!.GetValue<long>()).Order().ToList();
            var gapless = sequences.SequenceEqual(Enumerable.Range(1, sequences.Count).Select(n => (long)n));
            var value = JsonNode.Parse(i.Data)?["vars"]?[counter];
            var count = value is null ? 0 : (int)value.GetValue<decimal>();
            return new TimerInstance(i.Id, i.Key, i.Status, fired, count, gapless);
        }).ToList();
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}

public sealed record Backlog(long InboxPending, long InboundUnhandled, long OutboxPending, long InstancesDue, long InstancesFaulted, long OutboxFailed, long InboxDead)
{
    public bool Idle => InboxPending == 0 && InboundUnhandled == 0 && OutboxPending == 0 && InstancesDue == 0;

    public override string ToString() =>
        $"inbox pending {InboxPending}, inbound unhandled {InboundUnhandled}, outbox pending {OutboxPending}, instances due {InstancesDue}, " +
        $"faulted {InstancesFaulted}, outbox failed {OutboxFailed}, inbox dead-lettered {InboxDead}";
}

public sealed record OutboxEntry(string Id, string IdempotencyKey, string Recipient, string Payload, string Status, string? Wamid, int Attempts);

public sealed record TimerInstance(string Id, string? CorrelationKey, string Status, int TimerResumes, int Counter, bool GaplessJournal);
