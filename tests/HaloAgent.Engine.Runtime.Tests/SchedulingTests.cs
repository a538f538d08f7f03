using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Runtime.Scheduling;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;
using Quartz;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>Cron triggers: registered with Quartz from the active versions, and started once per fire time across nodes.</summary>
public sealed class SchedulingTests : IAsyncLifetime
{
    private const string Weekly = """
        { "id": "weekly-tips", "name": "Weekly tips",
          "nodes": [ { "id": "start", "type": "Start", "inputs": { "trigger": "schedule", "cron": "0 0 9 ? * MON" } },
                     { "id": "log", "type": "Log", "inputs": { "message": "tips for {{event.scheduledAt}}" } } ],
          "edges": [ { "from": "start", "to": "log" } ] }
        """;

    private DatabaseTarget _database = null!;

    public async Task InitializeAsync() => _database = await DatabaseTarget.CreateAsync(DatabaseProvider.Postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_published_cron_trigger_is_scheduled_and_a_retracted_one_is_removed()
    {
        await using var host = await EngineHost.StartAsync(_database.Provider, _database.ConnectionString, new ManualClock());
        await host.PublishAsync(Weekly);
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler();

        await host.Get<ScheduleSynchronizer>().SyncAsync(CancellationToken.None);
        var job = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).ShouldHaveSingleItem();
        var trigger = (await scheduler.GetTriggersOfJob(job)).ShouldHaveSingleItem().ShouldBeAssignableTo<ICronTrigger>()!;
        trigger.CronExpressionString.ShouldBe("0 0 9 ? * MON");

        await host.Store.RetractAsync(TenantScope.All, "weekly-tips", CancellationToken.None);
        await host.Get<ScheduleSynchronizer>().SyncAsync(CancellationToken.None);
        (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_nodes_firing_the_same_schedule_start_one_instance_per_fire_time()
    {
        var clock = new ManualClock();
        await using var first = await EngineHost.StartAsync(_database.Provider, _database.ConnectionString, clock, nodeId: "node-a");
        await using var second = await EngineHost.StartAsync(_database.Provider, _database.ConnectionString, clock, nodeId: "node-b");
        await first.PublishAsync(Weekly);
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        var fired = await Task.WhenAll(
            first.Runtime.StartScheduledAsync("weekly-tips", "start", monday, CancellationToken.None),
            second.Runtime.StartScheduledAsync("weekly-tips", "start", monday, CancellationToken.None));
        var nextWeek = await second.Runtime.StartScheduledAsync("weekly-tips", "start", monday.AddDays(7), CancellationToken.None);

        fired.Count(r => r.Started).ShouldBe(1);
        fired.Select(r => r.InstanceId).Distinct().ShouldHaveSingleItem();
        nextWeek.Started.ShouldBeTrue();
        await first.DrainAsync();
        var instance = await first.GetAsync(fired.Single(r => r.Started).InstanceId);
        instance.Journal[1]!["inputs"]!["message"]!.GetValue<string>().ShouldBe("tips for 2026-11-23T09:00:00.0000000+00:00");
        (await first.Instances.ListAsync(TenantScope.All, new InstanceFilter { FlowId = "weekly-tips" }, default)).Count.ShouldBe(2);
    }
}
