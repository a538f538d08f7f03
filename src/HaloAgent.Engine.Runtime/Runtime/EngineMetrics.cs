using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapper;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// The engine's metrics (meter <see cref="MeterName"/>): steps committed, by activity type and outcome (counted where
/// the batch commits, so a step that is re-run after a conflict is counted once), and gauges read from the database on
/// scrape: instances by status, timers due and how late the oldest is.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "HaloAgent.Engine";

    /// <summary>Spans of the engine's own work (a worker's batch).</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Counter<long> _steps;
    private readonly ScrapeCache<Snapshot> _snapshot;
    private readonly EngineDatabase _database;
    private readonly TimeProvider _clock;

    public EngineMetrics(IMeterFactory meters, EngineDatabase database, TimeProvider clock, ILogger<EngineMetrics> logger)
    {
        _database = database;
        _clock = clock;
        _snapshot = new ScrapeCache<Snapshot>(LoadAsync, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), logger);
        var meter = meters.Create(MeterName);
        _steps = meter.CreateCounter<long>("haloagent.engine.steps", "{step}", "Flow steps committed, by activity type and outcome (executed, resumed, suspended, faulted).");
        meter.CreateObservableGauge("haloagent.engine.instances", () => Read<long>(s => s.ByStatus.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("status", p.Key)))),
            "{instance}", "Flow instances by status.");
        meter.CreateObservableGauge("haloagent.engine.timers.due", () => Read<long>(s => [new Measurement<long>(s.Due)]),
            "{instance}", "Instances whose wake-up time (timer, retry or new work) has come and that no worker has run yet.");
        meter.CreateObservableGauge("haloagent.engine.timers.lag", () => Read<double>(s => [new Measurement<double>(s.OldestDueSeconds)]),
            "s", "How long ago the oldest due wake-up came due (0 when none is due).");
    }

    /// <summary>Counts the steps of runs the batch just committed.</summary>
    public void StepsCommitted(IEnumerable<JournalEntry> steps)
    {
        foreach (var step in steps)
        {
            _steps.Add(1, new KeyValuePair<string, object?>("activity_type", step.ActivityType), new KeyValuePair<string, object?>("outcome", step.Kind));
        }
    }

    private IEnumerable<Measurement<TValue>> Read<TValue>(Func<Snapshot, IEnumerable<Measurement<TValue>>> select)
        where TValue : struct =>
        _snapshot.Get() is { } snapshot ? select(snapshot) : [];

    private Task<Snapshot> LoadAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async (db, token) =>
            {
                var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
                // One round trip: counts by status, and the due wake-ups (served by the wake_at index).
                var rows = await db.Database.GetDbConnection().QueryAsync<(string Kind, string? Status, long Count, long? Oldest)>(new CommandDefinition("""
                    SELECT 'status' AS kind, status, COUNT(*) AS count, NULL AS oldest FROM flow_instances GROUP BY status
                    UNION ALL
                    SELECT 'due', NULL, COUNT(*), MIN(wake_at) FROM flow_instances WHERE wake_at <= @Now
                    """, new { Now = now }, cancellationToken: token));
                var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var status in Enum.GetNames<InstanceStatus>())
                {
                    byStatus[status] = 0; // a status with no instance reads 0, not "missing"
                }

                long due = 0;
                double oldest = 0;
                foreach (var row in rows)
                {
                    if (row.Kind == "status" && row.Status is not null)
                    {
                        byStatus[row.Status] = row.Count;
                    }
                    else if (row.Kind == "due")
                    {
                        due = row.Count;
                        oldest = row.Oldest is { } at ? Math.Max(0, (now - at) / 1000.0) : 0;
                    }
                }

                return new Snapshot(byStatus, due, oldest);
            },
            cancellationToken);

    private sealed record Snapshot(Dictionary<string, long> ByStatus, long Due, double OldestDueSeconds);
}
