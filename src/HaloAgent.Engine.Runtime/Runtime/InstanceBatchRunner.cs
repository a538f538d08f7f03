using System.Collections.Concurrent;
using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Engine.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// One turn of a worker: claim a batch of due instances (runnable, resumed or timer due), run each until it
/// suspends or ends, and commit every result in one transaction. A claim is a lease; a commit applies only if
/// nobody changed the instance since the claim (row version), so an instance never advances twice.
/// </summary>
public sealed class InstanceBatchRunner
{
    private readonly EngineDatabase _database;
    private readonly CompiledFlowCache _flows;
    private readonly FlowExecutor _executor;
    private readonly WorkSignal _signal;
    private readonly TimeProvider _clock;
    private readonly EngineOptions _options;
    private readonly ILogger<InstanceBatchRunner> _logger;
    private readonly string _claimSql;
    private readonly Dictionary<Type, IStepWriteHandler> _writeHandlers;
    private readonly EngineMetrics? _metrics;

    static InstanceBatchRunner() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public InstanceBatchRunner(
        EngineDatabase database, CompiledFlowCache flows, FlowExecutor executor, WorkSignal signal, TimeProvider clock,
        IOptions<EngineOptions> options, IEnumerable<IStepWriteHandler> writeHandlers, ILogger<InstanceBatchRunner> logger, EngineMetrics? metrics = null)
    {
        _metrics = metrics;
        _writeHandlers = writeHandlers.ToDictionary(h => h.Handles);
        _database = database;
        _flows = flows;
        _executor = executor;
        _signal = signal;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        NodeId = _options.NodeId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
        _claimSql = $"""
            UPDATE flow_instances SET lease_owner = @Owner, lease_until = @LeaseUntil
            WHERE id IN (
                SELECT id FROM flow_instances
                WHERE wake_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
                ORDER BY wake_at
                LIMIT @Limit {database.Dialect.SkipLocked})
            RETURNING *
            """;
    }

    public string NodeId { get; }

    /// <summary>Claims, runs and commits one batch.</summary>
    /// <returns>How many instances were claimed (0 when nothing was due).</returns>
    public async Task<int> RunBatchAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var claimed = await _database.WriteAsync(
            async scope => (await scope.Connection.QueryAsync<InstanceRecord>(scope.Command(_claimSql, new
            {
                Owner = NodeId,
                LeaseUntil = now + (long)_options.LeaseDuration.TotalMilliseconds,
                Now = now,
                Limit = _options.BatchSize,
            }))).ToList(),
            cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        using var span = EngineMetrics.ActivitySource.StartActivity("engine.batch")?.SetTag("haloagent.engine.claimed", claimed.Count);
        var resumes = await LoadResumesAsync(claimed, cancellationToken);
        var runs = new ConcurrentBag<Run>();
        using (var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var renewal = RenewLeasesAsync(claimed.Select(r => r.Id).ToList(), renewing.Token);
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (record, token) => runs.Add(await RunOneAsync(record, resumes.GetValueOrDefault(record.Id), now, token)));
            await renewing.CancelAsync();
            await renewal;
        }

        await CommitAsync(runs.OrderBy(r => r.Record.Id, StringComparer.Ordinal).ToList(), cancellationToken);
        return claimed.Count;
    }

    /// <summary>Runs batches until nothing is due (tests and the benchmark drive the engine with this).</summary>
    public async Task<int> RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (int claimed; (claimed = await RunBatchAsync(cancellationToken)) > 0;)
        {
            total += claimed;
        }

        return total;
    }

    /// <summary>
    /// Keeps the claim alive while a slow step runs (an LLM call, a provider retrying), so another node does not take
    /// the instance over; the lease only lapses when this node stops renewing it, i.e. when it died.
    /// </summary>
    private async Task RenewLeasesAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var period = _options.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(period, cancellationToken);
                var until = _clock.GetUtcNow().Add(_options.LeaseDuration).ToUnixTimeMilliseconds();
                try
                {
                    await _database.WriteAsync(
                        scope => scope.Connection.ExecuteAsync(scope.Command(
                            $"UPDATE flow_instances SET lease_until = @Until WHERE {scope.Dialect.InList("id", "@Ids")} AND lease_owner = @Owner",
                            new { Until = until, Ids = ids, Owner = NodeId })),
                        cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Keep trying: steps retrying through a database restart outlast one renewal's own retries.
                    _logger.LogWarning(ex, "Could not renew leases; if this node stays cut off, another node takes the instances over");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The batch finished.
        }
    }

    private async Task<Dictionary<string, ResumeSignal>> LoadResumesAsync(List<InstanceRecord> claimed, CancellationToken cancellationToken)
    {
        var waiting = claimed.Where(r => r.Status == nameof(InstanceStatus.Waiting)).Select(r => r.Id).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        var rows = await _database.ReadAsync(
            async (db, ct) =>
            {
                var connection = db.Database.GetDbConnection();
                return (await connection.QueryAsync<(string InstanceId, string EventName, string? Payload)>(new CommandDefinition($"""
                    SELECT b.instance_id, b.event_name, e.payload FROM flow_bookmarks b JOIN flow_events e ON e.id = b.resumed_event_id
                    WHERE {_database.Dialect.InList("b.instance_id", "@Ids")} ORDER BY b.resumed_at
                    """, new { Ids = waiting }, cancellationToken: ct))).ToList();
            },
            cancellationToken);
        var resumes = new Dictionary<string, ResumeSignal>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            resumes.TryAdd(row.InstanceId, ResumeSignal.Event(row.EventName, ParsePayload(row.Payload)));
        }

        return resumes;
    }

    private async Task<Run> RunOneAsync(InstanceRecord record, ResumeSignal? resume, long now, CancellationToken cancellationToken)
    {
        var state = InstanceStateMapper.ToState(record);
        var oldBookmarks = state.Wait?.Bookmarks ?? [];
        var since = record.RunnableSince;
        if (state.Status == InstanceStatus.Waiting && resume is null)
        {
            if (state.Wait?.WakeAt is not { } due || due.ToUnixTimeMilliseconds() > now)
            {
                return new Run(record, state, [], Spurious: true, since) { OldBookmarks = oldBookmarks };
            }

            resume = ResumeSignal.Timer;
            since = record.WakeAt ?? now;
        }

        try
        {
            var flow = await _flows.GetAsync(record.FlowId, record.Version, cancellationToken);
            var result = await _executor.RunAsync(flow, state, resume, cancellationToken);
            return new Run(record, result.State, result.Journal, Spurious: false, since) { Writes = result.Writes, OldBookmarks = oldBookmarks };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The flow itself could not run (its version is gone or invalid): park the instance with an incident.
            _logger.LogError(ex, "Instance {InstanceId} of {FlowId} v{Version} could not run", record.Id, record.FlowId, record.Version);
            state.Status = InstanceStatus.Faulted;
            state.Incident = new Incident(state.CurrentNodeId ?? "", ex.Message, ex.GetType().Name, 1, _clock.GetUtcNow(), state.Sequence + 1);
            var entry = new JournalEntry
            {
                Sequence = ++state.Sequence,
                NodeId = state.CurrentNodeId ?? "",
                ActivityType = "(runtime)",
                Kind = "faulted",
                Error = ex.Message,
                StartedAt = _clock.GetUtcNow(),
            };
            return new Run(record, state, [entry], Spurious: false, since) { OldBookmarks = oldBookmarks };
        }
    }

    private async Task CommitAsync(List<Run> runs, CancellationToken cancellationToken)
    {
        List<Run> committed = []; // set by the attempt that commits (a retried unit of work starts over)
        var wakeNow = await _database.WriteAsync(async scope =>
        {
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            var keys = runs
                .SelectMany(r => r.OldBookmarks.Concat(r.State.Wait?.Bookmarks ?? []))
                .Select(b => SqlDialect.KeyHash(b.EventName, b.CorrelationKey))
                .Distinct()
                .Order()
                .ToList();
            await scope.Dialect.LockKeysAsync(scope.Connection, scope.Transaction, keys, scope.CancellationToken);

            var ids = runs.Select(r => r.Record.Id).ToList();
            var lockSuffix = scope.Dialect.Provider == DatabaseProvider.Postgres ? "ORDER BY id FOR UPDATE" : "";
            var current = (await scope.Connection.QueryAsync<(string Id, long RowVersion)>(scope.Command(
                $"SELECT id, row_version FROM flow_instances WHERE {scope.Dialect.InList("id", "@Ids")} {lockSuffix}", new { Ids = ids })))
                .ToDictionary(r => r.Id, r => r.RowVersion, StringComparer.Ordinal);
            var applicable = runs.Where(r => current.TryGetValue(r.Record.Id, out var rv) && rv == r.ClaimedRowVersion).ToList();
            var conflicted = runs.Except(applicable).Select(r => r.Record.Id).ToList();
            if (conflicted.Count > 0)
            {
                // Someone (an event, a cancel) changed these while they ran: drop this run's results and let them run again from the new state.
                _logger.LogDebug("{Count} instance(s) changed while running; their results are discarded and they run again", conflicted.Count);
                await scope.Connection.ExecuteAsync(scope.Command(
                    $"UPDATE flow_instances SET lease_owner = NULL, lease_until = NULL WHERE {scope.Dialect.InList("id", "@Ids")} AND lease_owner = @Owner",
                    new { Ids = conflicted, Owner = NodeId }));
            }

            var advanced = applicable.Where(r => !r.Spurious).ToList();
            var hadBookmarks = advanced.Where(r => r.OldBookmarks.Count > 0).Select(r => r.Record.Id).ToList();
            if (hadBookmarks.Count > 0)
            {
                await scope.Connection.ExecuteAsync(scope.Command(
                    $"DELETE FROM flow_bookmarks WHERE {scope.Dialect.InList("instance_id", "@Ids")}", new { Ids = hadBookmarks }));
            }

            var pending = await TakePendingEventsAsync(scope, advanced, now);
            var wake = conflicted.Count > 0 || pending.Count > 0;
            foreach (var run in applicable)
            {
                // This unit of work may be retried after a transient failure: every attempt starts from the claimed row.
                var record = run.Record.Copy();
                scope.Db.Instances.Attach(record);
                record.LeaseOwner = null;
                record.LeaseUntil = null;
                if (run.Spurious)
                {
                    record.WakeAt = run.State.Wait?.WakeAt?.ToUnixTimeMilliseconds();
                    continue;
                }

                Apply(run, record, pending.GetValueOrDefault(record.Id), now);
                if (run.Journal.Count > 0)
                {
                    scope.Db.Journal.Add(JournalWriter.Segment(record.Id, run.Journal, now));
                }

                foreach (var bookmark in run.State.Wait?.Bookmarks ?? [])
                {
                    var taken = pending.GetValueOrDefault(record.Id);
                    scope.Db.Bookmarks.Add(new BookmarkRecord
                    {
                        Id = Guid.CreateVersion7().ToString("N"),
                        InstanceId = record.Id,
                        NodeId = record.CurrentNodeId!,
                        EventName = bookmark.EventName,
                        CorrelationKey = bookmark.CorrelationKey,
                        CreatedAt = now,
                        ResumedEventId = taken?.Bookmark == bookmark ? taken.EventId : null,
                        ResumedAt = taken?.Bookmark == bookmark ? now : null,
                    });
                }
            }

            foreach (var group in applicable.Where(r => !r.Spurious).SelectMany(r => r.Writes).GroupBy(w => w.GetType()))
            {
                var handler = _writeHandlers.GetValueOrDefault(group.Key)
                    ?? throw new InvalidOperationException($"No IStepWriteHandler is registered for {group.Key.Name}.");
                await handler.WriteAsync(scope, group.ToList());
            }

            await scope.Db.SaveChangesAsync(scope.CancellationToken);
            scope.Db.ChangeTracker.Clear();
            committed = advanced;
            return wake;
        }, cancellationToken);
        _metrics?.StepsCommitted(committed.SelectMany(r => r.Journal));

        if (wakeNow)
        {
            _signal.Notify();
        }
    }

    private static void Apply(Run run, InstanceRecord record, PendingMatch? pending, long now)
    {
        var state = run.State;
        record.Version = state.Version;
        record.Status = state.Status.ToString();
        record.CurrentNodeId = state.CurrentNodeId;
        record.Data = InstanceStateMapper.SerializeData(state);
        record.Sequence = state.Sequence;
        record.Wait = InstanceStateMapper.SerializeWait(state.Wait);
        record.Incident = InstanceStateMapper.SerializeIncident(state.Incident);
        record.RowVersion = run.ClaimedRowVersion + 1;
        record.UpdatedAt = now;
        switch (state.Status)
        {
            case InstanceStatus.Waiting when pending is not null:
                record.WakeAt = now;
                record.RunnableSince = now;
                break;
            case InstanceStatus.Waiting:
                record.WakeAt = state.Wait?.WakeAt?.ToUnixTimeMilliseconds();
                break;
            case InstanceStatus.Completed or InstanceStatus.Cancelled:
                record.WakeAt = null;
                record.SingletonKey = null;
                record.CompletedAt = now;
                break;
            default:
                record.WakeAt = null;
                break;
        }
    }

    /// <summary>
    /// Events that arrived for a key while its instance was still running found no bookmark; the instance takes the
    /// earliest of them now, as it suspends (under the same key lock the raiser takes, so neither side misses the other).
    /// </summary>
    private static async Task<Dictionary<string, PendingMatch>> TakePendingEventsAsync(WriteScope scope, List<Run> runs, long now)
    {
        var waiting = runs.Where(r => r.State.Status == InstanceStatus.Waiting && r.State.Wait?.Bookmarks.Count > 0).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        var bookmarks = waiting.SelectMany(r => r.State.Wait!.Bookmarks).ToList();
        var candidates = (await scope.Connection.QueryAsync<(string Id, string Name, string CorrelationKey, long CreatedAt, string? TenantId)>(scope.Command($"""
            SELECT id, name, correlation_key, created_at, tenant_id FROM flow_events
            WHERE consumed_at IS NULL AND {scope.Dialect.InList("name", "@Names")} AND {scope.Dialect.InList("correlation_key", "@Keys")} AND created_at >= @Since
            ORDER BY created_at, id
            """, new
        {
            Names = bookmarks.Select(b => b.EventName).Distinct().ToList(),
            Keys = bookmarks.Select(b => b.CorrelationKey).Distinct().ToList(),
            Since = waiting.Min(r => r.RunnableSince),
        }))).ToList();
        var matches = new Dictionary<string, PendingMatch>(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return matches;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in waiting)
        {
            var match = candidates.FirstOrDefault(e => !taken.Contains(e.Id) && e.CreatedAt >= run.RunnableSince
                && (e.TenantId is null || e.TenantId == run.Record.TenantId)
                && run.State.Wait!.Bookmarks.Any(b => b.EventName == e.Name && b.CorrelationKey == e.CorrelationKey));
            if (match.Id is null)
            {
                continue;
            }

            taken.Add(match.Id);
            var bookmark = run.State.Wait!.Bookmarks.First(b => b.EventName == match.Name && b.CorrelationKey == match.CorrelationKey);
            matches[run.Record.Id] = new PendingMatch(match.Id, bookmark);
        }

        if (taken.Count > 0)
        {
            await scope.Connection.ExecuteAsync(scope.Command(
                $"UPDATE flow_events SET consumed_at = @Now WHERE {scope.Dialect.InList("id", "@Ids")}", new { Now = now, Ids = taken.ToList() }));
        }

        return matches;
    }

    private static object? ParsePayload(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(payload);
        return PlainValue.FromJson(document.RootElement);
    }

    private sealed record Run(InstanceRecord Record, FlowInstanceState State, IReadOnlyList<JournalEntry> Journal, bool Spurious, long RunnableSince)
    {
        /// <summary>Bookmarks of the wait this run ended (from the claimed row), whose rows the commit deletes.</summary>
        public IReadOnlyList<BookmarkSpec> OldBookmarks { get; init; } = [];

        public IReadOnlyList<StepWrite> Writes { get; init; } = [];

        /// <summary>The row version at claim time; the commit applies only if the row still has it.</summary>
        public long ClaimedRowVersion { get; } = Record.RowVersion;
    }

    private sealed record PendingMatch(string EventId, BookmarkSpec Bookmark);
}
