using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>A database that restarts under a running node loses nothing: the node's calls retry until it is back.</summary>
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task Waiting_instances_and_events_survive_a_database_restart()
    {
        await using var server = await PostgresServer.StartPrivateAsync();
        var connectionString = await server.CreateDatabaseAsync("restart");
        await using var host = await EngineHost.StartAsync(DatabaseProvider.Postgres, connectionString, new ManualClock());
        await host.PublishAsync(TestFlows.WaitForever());
        var id = await host.StartAsync("waiter", correlationKey: "c");
        await host.DrainAsync();

        await server.RestartAsync();

        // The pool still holds connections to the old server process: the first use fails and is retried.
        var raised = await host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = "after restart" });
        raised.ResumedInstances.ShouldBe([id]);
        await host.DrainAsync();
        var instance = await host.GetAsync(id);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed);
        instance.Variables["got"].ShouldBe("after restart");
    }
}
