using Dapper;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>Messages enlisted by flow steps are queued in the engine's own commit, once per step. On each real database.</summary>
public abstract class SendMessageWriteScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private FakeGraphServer _graph = null!;
    private ChannelsHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _host = await ChannelsHost.StartAsync(
            await DatabaseTarget.CreateAsync(provider), _graph, withEngine: true, configure: services => services.AddActivity<GreetActivity>());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private EngineDatabase Engine => _host.Services.GetRequiredService<EngineDatabase>();

    private IStepWriteHandler Handler => _host.Services.GetServices<IStepWriteHandler>().Single(h => h.Handles == typeof(SendMessageWrite));

    private static SendMessageWrite Write(string key, string text = "Welcome!", string? callback = "flow:greet") =>
        new(new OutboundMessage(ChannelsHost.BusinessId, ChannelsHost.Customer, new TextContent(text), key) { BizOpaqueCallbackData = callback });

    [Fact]
    public async Task A_flow_step_that_enlists_a_message_queues_it_with_the_steps_idempotency_key_and_it_is_sent()
    {
        await _host.Services.GetRequiredService<FlowStore>().ImportAsync(TenantScope.All, FlowJson.Deserialize("""
            {
              "id": "greet", "name": "Greet",
              "nodes": [ { "id": "start", "type": "Start" }, { "id": "greet", "type": "TestGreet" } ],
              "edges": [ { "from": "start", "to": "greet" } ]
            }
            """), publish: true, CancellationToken.None);
        var started = await _host.Services.GetRequiredService<FlowRuntime>().StartAsync(
            TenantScope.All, "greet", new StartRequest { CorrelationKey = ChannelsHost.Customer }, CancellationToken.None);
        await _host.Services.GetRequiredService<InstanceBatchRunner>().RunUntilIdleAsync(CancellationToken.None);

        var key = await _host.SqlAsync(c => c.QuerySingleAsync<string>("SELECT idempotency_key FROM outbound_messages"));
        key.ShouldStartWith(started.InstanceId + ":");
        (await _host.SendAsync()).ShouldBe(1);
        var sent = _graph.Sent.ShouldHaveSingleItem();
        sent.Text.ShouldBe("Welcome to Mama Nkechi's Kitchen!");
        sent.Body["biz_opaque_callback_data"]!.GetValue<string>().ShouldBe("flow:greet");
    }

    [Fact]
    public async Task A_step_committed_twice_with_the_same_key_queues_one_message()
    {
        await Engine.WriteAsync(scope => Handler.WriteAsync(scope, [Write("instance-1:4"), Write("instance-1:4")]), CancellationToken.None);
        await Engine.WriteAsync(scope => Handler.WriteAsync(scope, [Write("instance-1:4", "re-run")]), CancellationToken.None);

        (await _host.CountAsync("outbound_messages")).ShouldBe(1);
        (await _host.SendAsync()).ShouldBe(1);
        _graph.Sent.ShouldHaveSingleItem().Text.ShouldBe("Welcome!");
    }

    [Fact]
    public async Task Several_messages_in_one_commit_are_all_queued()
    {
        await Engine.WriteAsync(scope => Handler.WriteAsync(scope, [Write("i:1", "a"), Write("i:2", "b", callback: null), Write("i:3", "c")]), CancellationToken.None);

        var rows = await _host.SqlAsync(c => c.QueryAsync<(string Key, string? Callback)>("SELECT idempotency_key, biz_opaque_callback_data FROM outbound_messages"));
        rows.ShouldBe([("i:1", "flow:greet"), ("i:2", null), ("i:3", "flow:greet")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_step_whose_commit_is_rolled_back_queues_nothing()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => Engine.WriteAsync(async scope =>
        {
            await Handler.WriteAsync(scope, [Write("instance-1:5")]);
            throw new InvalidOperationException("conflict: the step's result is discarded");
        }, CancellationToken.None));

        (await _host.CountAsync("outbound_messages")).ShouldBe(0);
    }

    [Fact]
    public void An_invalid_message_fails_in_the_step_not_in_the_engines_commit()
    {
        Should.Throw<OutboundContentException>(() => Write("k", new string('x', 4097)));
        Should.Throw<ArgumentException>(() => new SendMessageWrite(new OutboundMessage(ChannelsHost.BusinessId, "not a number", new TextContent("hi"), "k")));
    }

    private sealed class GreetActivity : Activity
    {
        public override ActivityDescriptor Descriptor { get; } = new() { Type = "TestGreet", DisplayName = "Greet", Category = "Test" };

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            context.Enlist(new SendMessageWrite(new OutboundMessage(
                ChannelsHost.BusinessId, context.Instance.CorrelationKey!, new TextContent("Welcome to Mama Nkechi's Kitchen!"), context.IdempotencyKey)
            {
                BizOpaqueCallbackData = "flow:greet",
            }));
            return ValueTask.FromResult(ActivityResult.Done());
        }
    }
}

public sealed class SqliteSendMessageWriteScenarios() : SendMessageWriteScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresSendMessageWriteScenarios() : SendMessageWriteScenarios(DatabaseProvider.Postgres);
