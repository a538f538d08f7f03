using Dapper;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>A node running a slow step keeps its claim; another node does not take the instance over meanwhile.</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task A_slow_step_keeps_its_lease_so_another_node_does_not_run_the_instance_too()
    {
        var database = await DatabaseTarget.CreateAsync(DatabaseProvider.Postgres);
        var clock = new ManualClock();
        var gate = new Gate();
        void Configure(IServiceCollection services)
        {
            services.AddSingleton(gate);
            services.AddActivity<GateActivity>();
            services.Configure<EngineOptions>(o => o.LeaseDuration = TimeSpan.FromMilliseconds(300));
        }

        await using var slow = await EngineHost.StartAsync(database.Provider, database.ConnectionString, clock, Configure, nodeId: "slow");
        await using var other = await EngineHost.StartAsync(database.Provider, database.ConnectionString, clock, Configure, nodeId: "other");
        await slow.PublishAsync("""
            { "id": "slow", "name": "Slow", "nodes": [ { "id": "start", "type": "Start" }, { "id": "call", "type": "Gate" } ],
              "edges": [ { "from": "start", "to": "call" } ] }
            """);
        var id = await slow.StartAsync("slow");
        var claimedAt = clock.GetUtcNow();
        var running = slow.Runner.RunBatchAsync(CancellationToken.None);
        await gate.Started.Task;

        clock.Advance(TimeSpan.FromMilliseconds(250));
        var renewedUntil = claimedAt.AddMilliseconds(550).ToUnixTimeMilliseconds();
        await WaitUntilAsync(async () => await slow.SqlAsync(c => c.ExecuteScalarAsync<long>("SELECT lease_until FROM flow_instances WHERE id = @id", new { id })) >= renewedUntil);

        clock.Advance(TimeSpan.FromMilliseconds(150)); // past the first lease, within the renewed one
        (await other.Runner.RunBatchAsync(CancellationToken.None)).ShouldBe(0);

        gate.Open.SetResult();
        (await running).ShouldBe(1);
        gate.Runs.ShouldBe(1);
        (await slow.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_lease_renewal_that_fails_does_not_stop_the_renewals_that_follow()
    {
        var database = await DatabaseTarget.CreateAsync(DatabaseProvider.Postgres);
        var clock = new ManualClock();
        var gate = new Gate();
        var renewalFailed = new RenewalFailureSignal();
        await using var node = await EngineHost.StartAsync(database.Provider, database.ConnectionString, clock, services =>
        {
            services.AddSingleton(gate);
            services.AddActivity<GateActivity>();
            services.AddSingleton<ILoggerProvider>(renewalFailed);
            services.Configure<EngineOptions>(o => o.LeaseDuration = TimeSpan.FromMilliseconds(300));
        });
        await node.PublishAsync("""
            { "id": "slow", "name": "Slow", "nodes": [ { "id": "start", "type": "Start" }, { "id": "call", "type": "Gate" } ],
              "edges": [ { "from": "start", "to": "call" } ] }
            """);
        var id = await node.StartAsync("slow");
        var running = node.Runner.RunBatchAsync(CancellationToken.None);
        await gate.Started.Task;

        // A renewal fails for good (the table is out of its reach for a moment), while the step is still running.
        await node.ExecuteSqlAsync("ALTER TABLE flow_instances RENAME TO flow_instances_away");
        await renewalFailed.Logged.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await node.ExecuteSqlAsync("ALTER TABLE flow_instances_away RENAME TO flow_instances");

        clock.Advance(TimeSpan.FromMinutes(5));
        var renewedUntil = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await WaitUntilAsync(async () => await node.SqlAsync(c => c.ExecuteScalarAsync<long>("SELECT lease_until FROM flow_instances WHERE id = @id", new { id })) >= renewedUntil);

        gate.Open.SetResult();
        (await running).ShouldBe(1);
        (await node.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Completed);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the lease was not renewed");
            await Task.Delay(20);
        }
    }

    private sealed class RenewalFailureSignal : ILoggerProvider, ILogger
    {
        public TaskCompletionSource Logged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Could not renew leases", StringComparison.Ordinal))
            {
                Logged.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
