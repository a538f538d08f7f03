using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>
/// Issue 10, item 3, at run time: an instance that runs too many steps in a window (here 5 a minute) stops with an
/// incident, however many runs and events the steps are spread over; the window is stored with the instance.
/// </summary>
public abstract class StepBudgetScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private const string PingLoop = """
        { "id": "pings", "name": "Pings",
          "nodes": [ { "id": "start", "type": "Start" },
                     { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "ping", "variable": "last" } },
                     { "id": "log", "type": "SetVariable", "inputs": { "name": "seen", "value": "vars.last.n" } } ],
          "edges": [ { "from": "start", "to": "wait" }, { "from": "wait", "outcome": "Received", "to": "log" }, { "from": "log", "to": "wait" } ] }
        """;

    private DatabaseTarget _database = null!;
    private EngineHost _host = null!;

    public async Task InitializeAsync()
    {
        _database = await DatabaseTarget.CreateAsync(provider);
        _host = await EngineHost.StartAsync(_database.Provider, _database.ConnectionString, new ManualClock(),
            services => services.Configure<EngineLimits>(l => { l.MaxStepsPerWindow = 5; l.StepWindow = TimeSpan.FromMinutes(1); }));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_flood_of_events_stops_the_instance_with_a_retryable_incident_that_keeps_the_event()
    {
        await _host.PublishAsync(PingLoop);
        var id = await _host.StartAsync("pings", correlationKey: "c1");
        await _host.DrainAsync(); // start, wait: 2 steps
        await _host.RaiseAsync("ping", "c1", new Dictionary<string, object?> { ["n"] = 1m });
        await _host.DrainAsync(); // wait, log, wait: 5 steps
        (await _host.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Waiting);

        await _host.RaiseAsync("ping", "c1", new Dictionary<string, object?> { ["n"] = 2m });
        await _host.DrainAsync(); // the 6th step is over the budget

        var stopped = await _host.GetAsync(id);
        stopped.Summary.Status.ShouldBe(InstanceStatus.Faulted);
        stopped.Incident!.ErrorType.ShouldBe(FlowExecutor.StepBudgetExceeded);
        stopped.Incident.NodeId.ShouldBe("wait");
        stopped.Incident.Message.ShouldContain("ran 5 steps within 00:01:00");
        stopped.Journal[^1]!["kind"]!.GetValue<string>().ShouldBe("faulted");
        stopped.Variables["seen"].ShouldBe(1m);

        // A retry gets a fresh window and delivers the event the budget stopped it from taking.
        await _host.Runtime.RetryAsync(TenantScope.All, id, CancellationToken.None);
        await _host.DrainAsync();

        var retried = await _host.GetAsync(id);
        retried.Summary.Status.ShouldBe(InstanceStatus.Waiting);
        retried.Variables["seen"].ShouldBe(2m);
    }
}

public sealed class SqliteStepBudgetTests() : StepBudgetScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresStepBudgetTests() : StepBudgetScenarios(DatabaseProvider.Postgres);
