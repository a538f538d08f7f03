using System.Collections.Concurrent;
using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Engine.Values;
using HaloAgent.Platform.Identity;
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
        var resumes = await Resumes.LoadAsync(_database, claimed, cancellationToken);
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

        await CommitIsolatingAsync(runs.OrderBy(r => r.Record.Id, StringComparer.Ordinal).ToList(), cancellationToken);
        return claimed.Count;
    }

    /// <summary>
    /// A batch the database refuses for good (not transiently) is stored again one instance at a time, and an instance
    /// that still cannot be stored is parked with an incident: otherwise it would be claimed and refused for ever, and
    /// hold back every instance that happened to share its batch. Transient failures still leave the claims to expire.
    /// </summary>
    private async Task CommitIsolatingAsync(List<Run> runs, CancellationToken cancellationToken)
    {
        try
        {
            await CommitAsync(runs, cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !_database.Dialect.IsTransient(ex))
        {
            if (runs.Count == 1)
            {
                await ParkAsync(runs[0], ex, cancellationToken);
                return;
            }

            _logger.LogWarning(ex, "A batch of {Count} instances could not be stored; storing them one by one", runs.Count);
        }

        foreach (var run in runs)
        {
            await CommitIsolatingAsync([run], cancellationToken);
        }
    }

    /// <summary>Faults the instance at the step its run began with, as claimed; a person's retry runs that step again (and delivers what woke it).</summary>
    private async Task ParkAsync(Run run, Exception failure, CancellationToken cancellationToken)
    {
        _logger.LogError(failure, "The results of instance {InstanceId} could not be stored; it is parked with an incident", run.Record.Id);
        var state = InstanceStateMapper.ToState(run.Record);
        var at = _clock.GetUtcNow();
        state.Incident = new Incident(state.CurrentNodeId ?? "", $"The step's results could not be stored: {failure.Message}", failure.GetType().Name, 1, at, state.Sequence + 1)
        {
            ResumedBy = run.Resume is { } resume ? resume.EventName ?? Incident.TimerResume : null,
        };
        if (run.Resume is { IsTimer: false } woken)
        {
            state.Event = woken.Payload; // its bookmark is spent: the retry needs the event itself
        }

        await _database.WriteAsync(
            scope => scope.Connection.ExecuteAsync(scope.Command(
                """
                UPDATE flow_instances SET status = 'Faulted', incident = @Incident, data = @Data, wake_at = NULL, lease_owner = NULL, lease_until = NULL,
                    row_version = row_version + 1, updated_at = @Now
                WHERE id = @Id AND row_version = @RowVersion
                """,
                new
                {
                    Incident = InstanceStateMapper.SerializeIncident(state.Incident),
                    Data = InstanceStateMapper.SerializeData(state),
                    Now = at.ToUnixTimeMilliseconds(),
                    run.Record.Id,
                    RowVersion = run.ClaimedRowVersion,
                })),
            cancellationToken);
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
            return new Run(record, result.State, result.Journal, Spurious: false, since)
            {
                Writes = result.Writes, OldBookmarks = oldBookmarks, Resume = resume, Singleton = flow.Definition.Options.Singleton,
            };
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
        var endings = runs
            .Where(r => !r.Spurious && r.Singleton && r.State.Status is InstanceStatus.Completed or InstanceStatus.Cancelled && r.Record.CorrelationKey is not null)
            .Select(r => new SingletonSuccessors.Ending(r.Record.Id, r.Record.FlowId, r.Record.CorrelationKey!, r.RunnableSince))
            .ToList();
        var successors = await SingletonSuccessors.LoadAsync(_database, _flows, endings.Select(e => e.FlowId).Distinct().ToList(), cancellationToken);
        var wakeNow = await _database.WriteAsync(async scope =>
        {
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            var keys = runs
                .SelectMany(r => r.OldBookmarks.Concat(r.State.Wait?.Bookmarks ?? []))
                .Select(b => SqlDialect.KeyHash(b.EventName, b.CorrelationKey))
                .Concat(successors.LockKeys(endings))
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

            var pending = await PendingEvents.TakeAsync(scope, advanced.Select(r => (r.Record, r.State, r.RunnableSince)).ToList(), now);
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
                        Id = RowIds.New(),
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
            var advancedIds = advanced.Select(r => r.Record.Id).ToHashSet(StringComparer.Ordinal);
            var succeeded = await successors.StartAsync(scope, endings.Where(e => advancedIds.Contains(e.InstanceId)), now);
            committed = advanced;
            return wake || succeeded > 0;
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
                // The floor stays where this run's was: other events that arrived while it ran are still to be taken,
                // in order, as it suspends again (moving the floor to now lost a customer's second and third message).
                record.WakeAt = now;
                record.RunnableSince = run.RunnableSince;
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

    private sealed record Run(InstanceRecord Record, FlowInstanceState State, IReadOnlyList<JournalEntry> Journal, bool Spurious, long RunnableSince)
    {
        /// <summary>Bookmarks of the wait this run ended (from the claimed row), whose rows the commit deletes.</summary>
        public IReadOnlyList<BookmarkSpec> OldBookmarks { get; init; } = [];

        public IReadOnlyList<StepWrite> Writes { get; init; } = [];

        /// <summary>Its flow allows one unfinished instance per key (an ended one may have a successor waiting).</summary>
        public bool Singleton { get; init; }

        /// <summary>What woke the instance for this run (null for a runnable one).</summary>
        public ResumeSignal? Resume { get; init; }

        /// <summary>The row version at claim time; the commit applies only if the row still has it.</summary>
        public long ClaimedRowVersion { get; } = Record.RowVersion;
    }

}
