using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;


namespace HaloAgent.Engine.Runtime.Scheduling;

/// <summary>
/// Keeps this node's Quartz scheduler in step with the cron triggers of the active flow versions: immediately after a
/// publish or retract on this node, and every <see cref="Interval"/> for changes made on other nodes.
/// </summary>
public sealed class ScheduleSynchronizer(ISchedulerFactory schedulers, EngineDatabase database, FlowStore store, ILogger<ScheduleSynchronizer> logger)
    : BackgroundService
{
    private const string Group = "flow-schedules";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _changed = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.TriggersChanged += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SyncAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Could not synchronise flow schedules; will retry");
                }

                try
                {
                    await _changed.WaitAsync(Interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            store.TriggersChanged -= OnChanged;
        }
    }

    private void OnChanged() => _changed.Release();

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        var triggers = await database.ReadAsync(
            (db, ct) => db.FlowTriggers.Where(t => t.Kind == StartActivity.Triggers.Schedule && t.Cron != null).ToListAsync(ct),
            cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var wanted = triggers.ToDictionary(t => new JobKey($"{t.FlowId}/{t.NodeId}/v{t.Version}/{t.Cron}", Group));
        var existing = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken);
        foreach (var stale in existing.Where(k => !wanted.ContainsKey(k)))
        {
            await scheduler.DeleteJob(stale, cancellationToken);
        }

        foreach (var (key, trigger) in wanted.Where(w => !existing.Contains(w.Key)))
        {
            var job = JobBuilder.Create<ScheduledStartJob>()
                .WithIdentity(key)
                .UsingJobData(ScheduledStartJob.FlowIdKey, trigger.FlowId)
                .UsingJobData(ScheduledStartJob.NodeIdKey, trigger.NodeId)
                .Build();
            var cron = TriggerBuilder.Create()
                .WithIdentity(key.Name, Group)
                .WithCronSchedule(trigger.Cron!, c => c.InTimeZone(TimeZoneInfo.Utc))
                .Build();
            await scheduler.ScheduleJob(job, cron, cancellationToken: cancellationToken);
            logger.LogInformation("Scheduled flow {FlowId} v{Version} ({Cron})", trigger.FlowId, trigger.Version, trigger.Cron);
        }
    }
}
