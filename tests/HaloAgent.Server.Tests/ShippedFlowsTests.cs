using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Validation;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests;

/// <summary>Every shipped flow compiles against the server's full activity catalogue (core, agent and commerce activities).</summary>
public sealed class ShippedFlowsTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        _ = _factory.Server;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void Every_shipped_flow_is_valid_with_the_servers_activities()
    {
        var compiler = _factory.Services.GetRequiredService<FlowCompiler>();
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "workflows"), "*.json");
        files.Length.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var file in files)
        {
            var errors = compiler.Validate(FlowJson.Deserialize(File.ReadAllText(file)));
            errors.Select(e => e.ToString()).ShouldBeEmpty(Path.GetFileName(file));
        }
    }

    [Fact]
    public void A_goal_on_an_event_nothing_raises_is_refused_naming_the_node_and_the_known_events()
    {
        var compiler = _factory.Services.GetRequiredService<FlowCompiler>();
        var shipped = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "workflows", "post-purchase.json"));
        var json = shipped.Replace("\"event\": \"order.created\",\n        \"window\"", "\"event\": \"order.teleported\",\n        \"window\"", StringComparison.Ordinal);
        json.ShouldContain("order.teleported");
        var errors = compiler.Validate(FlowJson.Deserialize(json));
        errors.ShouldContain(e => e.NodeId == "goal" && e.Field == "event" && e.Message.Contains("'order.teleported' is not an event the product raises"));
        errors.Single().Message.ShouldContain("order.completed", customMessage: "the error lists the events a goal can wait for");
    }
}
