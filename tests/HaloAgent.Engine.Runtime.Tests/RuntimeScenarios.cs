using Dapper;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>The runtime's contract, run against each real database (see the two subclasses at the end).</summary>
public abstract class RuntimeScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private DatabaseTarget _database = null!;
    private EngineHost _host = null!;

    protected EngineHost Host => _host;

    public async Task InitializeAsync()
    {
        _database = await DatabaseTarget.CreateAsync(provider);
        _host = await StartHostAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<EngineHost> StartHostAsync(string? nodeId = null, FlakyControl? flaky = null) =>
        EngineHost.StartAsync(_database.Provider, _database.ConnectionString, _clock, services =>
        {
            services.AddSingleton(flaky ?? new FlakyControl());
            services.AddActivity<FlakyActivity>();
        }, nodeId);

    [Fact]
    public async Task A_started_instance_runs_to_completion_and_its_journal_is_persisted()
    {
        await Host.PublishAsync(TestFlows.WaitForever("linear").Replace("\"wait\", \"type\": \"WaitForEvent\", \"inputs\": { \"event\": \"customer.replied\", \"variable\": \"reply\" }", "\"wait\", \"type\": \"Log\", \"inputs\": { \"message\": \"hi {{event.name}}\" }").Replace("\"outcome\": \"Received\", ", ""));
        var id = await Host.StartAsync("linear", input: new Dictionary<string, object?> { ["name"] = "Ada" });

        (await Host.DrainAsync()).ShouldBe(1);

        var instance = await Host.GetAsync(id);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed);
        instance.Journal.Select(e => e!["nodeId"]!.GetValue<string>()).ShouldBe(["start", "wait", "after"]);
        instance.Journal[1]!["inputs"]!["message"]!.GetValue<string>().ShouldBe("hi Ada");
    }

    [Fact]
    public async Task A_delay_fires_once_when_due_and_not_before()
    {
        await Host.PublishAsync(TestFlows.Delay);
        var id = await Host.StartAsync("delay-flow");
        await Host.DrainAsync();
        (await Host.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Waiting);

        Host.Clock.Advance(TimeSpan.FromMinutes(59));
        (await Host.DrainAsync()).ShouldBe(0);

        Host.Clock.Advance(TimeSpan.FromMinutes(2));
        (await Host.DrainAsync()).ShouldBe(1);
        (await Host.DrainAsync()).ShouldBe(0);

        var instance = await Host.GetAsync(id);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed);
        instance.Variables["fired"].ShouldBe(true);
        instance.Journal.Count(e => e!["nodeId"]!.GetValue<string>() == "wait" && e["kind"]!.GetValue<string>() == "resumed").ShouldBe(1);
    }

    [Fact]
    public async Task A_pending_timer_survives_a_restart_of_the_node()
    {
        await Host.PublishAsync(TestFlows.Delay);
        var id = await Host.StartAsync("delay-flow");
        await Host.DrainAsync();
        await Host.DisposeAsync();

        _host = await StartHostAsync();
        Host.Clock.Advance(TimeSpan.FromHours(2));
        (await Host.DrainAsync()).ShouldBe(1);
        (await Host.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_wait_that_follows_a_fired_timer_is_resumed_by_its_event()
    {
        await Host.PublishAsync("""
            { "id": "timer-then-wait", "name": "Timer then wait",
              "nodes": [ { "id": "start", "type": "Start" },
                         { "id": "pause", "type": "Delay", "inputs": { "duration": "2s" } },
                         { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" } },
                         { "id": "after", "type": "SetVariable", "inputs": { "name": "got", "value": "vars.reply.text" } } ],
              "edges": [ { "from": "start", "to": "pause" }, { "from": "pause", "to": "wait" }, { "from": "wait", "outcome": "Received", "to": "after" } ] }
            """);
        var id = await Host.StartAsync("timer-then-wait", correlationKey: "c");
        await Host.DrainAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(3));
        (await Host.DrainAsync()).ShouldBe(1);
        (await Host.GetAsync(id)).Bookmarks.Count.ShouldBe(1);

        (await Host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = "hi" })).ResumedInstances.ShouldBe([id]);
        (await Host.DrainAsync()).ShouldBe(1);
        (await Host.GetAsync(id)).Variables["got"].ShouldBe("hi");
    }

    [Fact]
    public async Task An_event_triggers_a_flow_and_a_later_event_resumes_it()
    {
        await Host.PublishAsync(TestFlows.Payment);
        var started = await Host.RaiseAsync("order.created", "contact-1", new Dictionary<string, object?> { ["orderId"] = "HLO-7K2Q9" });
        started.StartedInstances.Count.ShouldBe(1);
        await Host.DrainAsync();

        var paid = await Host.RaiseAsync("payment.confirmed", "contact-1", new Dictionary<string, object?> { ["amount"] = 18000m });
        paid.ResumedInstances.ShouldBe(started.StartedInstances);
        await Host.DrainAsync();

        var instance = await Host.GetAsync(started.StartedInstances[0]);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed);
        instance.Variables["order"].ShouldBe("HLO-7K2Q9");
        instance.Variables["result"].ShouldBe("paid 18000");
    }

    [Fact]
    public async Task A_redelivered_event_is_recognised_and_resumes_nothing_twice()
    {
        await Host.PublishAsync(TestFlows.Payment);
        var started = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "A" }, eventId: "wamid.1");
        var again = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "A" }, eventId: "wamid.1");

        again.Duplicate.ShouldBeTrue();
        again.StartedInstances.ShouldBeEmpty();
        (await Host.Instances.ListAsync(TenantScope.All, new InstanceFilter { FlowId = "payment" }, default)).Count.ShouldBe(1);
        started.StartedInstances.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_singleton_flow_has_one_unfinished_instance_per_key()
    {
        await Host.PublishAsync(TestFlows.Payment);
        var first = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "A" });
        var second = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "B" });
        var other = await Host.RaiseAsync("order.created", "someone-else", new Dictionary<string, object?> { ["orderId"] = "C" });

        first.StartedInstances.Count.ShouldBe(1);
        second.StartedInstances.ShouldBeEmpty();
        other.StartedInstances.Count.ShouldBe(1);

        await Host.DrainAsync();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Host.DrainAsync();
        (await Host.GetAsync(first.StartedInstances[0])).Summary.Status.ShouldBe(InstanceStatus.Completed);

        var third = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "D" });
        third.StartedInstances.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_event_that_arrives_before_the_instance_suspends_is_taken_when_it_does()
    {
        await Host.PublishAsync(TestFlows.WaitForever());
        var id = await Host.StartAsync("waiter", correlationKey: "c");
        Host.Clock.Advance(TimeSpan.FromMilliseconds(5));

        // The instance has not run yet, so it holds no bookmark: the event is stored and stays pending.
        var early = await Host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = "I don pay" });
        early.Pending.ShouldBeTrue();

        await Host.DrainAsync();
        var instance = await Host.GetAsync(id);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed);
        instance.Variables["got"].ShouldBe("I don pay");
    }

    [Fact]
    public async Task Several_events_that_arrive_while_the_instance_runs_are_each_taken_in_order()
    {
        // A customer who sends three messages while the conversation is still busy with the first: each is answered, in order.
        await Host.PublishAsync("""
            {
              "id": "chat", "name": "Chat",
              "nodes": [
                { "id": "start", "type": "Start" },
                { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" } },
                { "id": "note", "type": "SetVariable", "inputs": { "name": "heard", "value": "coalesce(vars.heard, '') + vars.reply.text" } }
              ],
              "edges": [ { "from": "start", "to": "wait" }, { "from": "wait", "outcome": "Received", "to": "note" }, { "from": "note", "to": "wait" } ]
            }
            """);
        var id = await Host.StartAsync("chat", correlationKey: "c");
        foreach (var text in new[] { "a", "b", "c" })
        {
            Host.Clock.Advance(TimeSpan.FromMilliseconds(5));
            (await Host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = text })).Pending.ShouldBeTrue();
        }

        Host.Clock.Advance(TimeSpan.FromMilliseconds(5));
        await Host.DrainAsync();

        var instance = await Host.GetAsync(id);
        instance.Variables["heard"].ShouldBe("abc", "a message that arrived while the instance ran must not be lost");
        instance.Summary.Status.ShouldBe(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task Events_refused_by_a_busy_singleton_start_its_next_instances_when_it_ends()
    {
        // A conversation that ends after each message (say, once the order is placed): messages sent while it was busy
        // each start the next one, in order, instead of being dropped.
        await Host.PublishAsync("""
            {
              "id": "one-shot", "name": "One shot", "options": { "singleton": true },
              "nodes": [
                { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "customer.replied" } },
                { "id": "note", "type": "SetVariable", "inputs": { "name": "heard", "value": "event.text" } }
              ],
              "edges": [ { "from": "start", "to": "note" } ]
            }
            """);
        var results = new List<EventResult>();
        foreach (var text in new[] { "a", "b", "c" })
        {
            Host.Clock.Advance(TimeSpan.FromMilliseconds(5));
            results.Add(await Host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = text }));
        }

        results[0].StartedInstances.Count.ShouldBe(1);
        results[1].Pending.ShouldBeTrue("the first instance holds the singleton key");
        results[2].Pending.ShouldBeTrue();
        Host.Clock.Advance(TimeSpan.FromMilliseconds(5));
        await Host.DrainAsync();

        var ids = await Host.SqlAsync(c => c.QueryAsync<string>("SELECT id FROM flow_instances WHERE flow_id = 'one-shot' ORDER BY created_at, id"));
        var heard = new List<object?>();
        foreach (var id in ids)
        {
            var instance = await Host.GetAsync(id);
            instance.Summary.Status.ShouldBe(InstanceStatus.Completed);
            heard.Add(instance.Variables["heard"]);
        }

        heard.ShouldBe(["a", "b", "c"]);
        (await Host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = "d" })).StartedInstances.Count.ShouldBe(1, "nothing is left running");
    }

    [Fact]
    public async Task An_event_older_than_the_instance_is_not_taken_by_it()
    {
        await Host.PublishAsync(TestFlows.WaitForever());
        await Host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = "old" });
        Host.Clock.Advance(TimeSpan.FromSeconds(1));

        var id = await Host.StartAsync("waiter", correlationKey: "c");
        await Host.DrainAsync();

        (await Host.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task A_timeout_fires_when_no_event_came_and_a_late_event_resumes_nothing()
    {
        await Host.PublishAsync(TestFlows.Payment);
        var started = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "A" });
        await Host.DrainAsync();

        Host.Clock.Advance(TimeSpan.FromMinutes(31));
        (await Host.DrainAsync()).ShouldBe(1);
        var late = await Host.RaiseAsync("payment.confirmed", "c", new Dictionary<string, object?> { ["amount"] = 1m });

        late.ResumedInstances.ShouldBeEmpty();
        var instance = await Host.GetAsync(started.StartedInstances[0]);
        instance.Variables["result"].ShouldBe("timed out");
        instance.Bookmarks.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_event_before_the_timeout_wins_and_the_timer_never_fires()
    {
        await Host.PublishAsync(TestFlows.Payment);
        var started = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "A" });
        await Host.DrainAsync();
        await Host.RaiseAsync("payment.confirmed", "c", new Dictionary<string, object?> { ["amount"] = 5m });
        await Host.DrainAsync();

        Host.Clock.Advance(TimeSpan.FromHours(2));
        (await Host.DrainAsync()).ShouldBe(0);
        var instance = await Host.GetAsync(started.StartedInstances[0]);
        instance.Variables["result"].ShouldBe("paid 5");
        instance.Journal.Count(e => e!["nodeId"]!.GetValue<string>() == "wait" && e["kind"]!.GetValue<string>() == "resumed").ShouldBe(1);
    }

    [Fact]
    public async Task Events_racing_suspensions_are_never_lost_and_never_applied_twice()
    {
        await Host.PublishAsync(TestFlows.WaitForever());
        var ids = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await Host.StartAsync("waiter", correlationKey: $"c{i}"));
        }

        // Workers suspend instances while events for the same keys are raised: every ordering of the two happens.
        var raising = Task.Run(async () =>
        {
            foreach (var i in Enumerable.Range(0, 60).Reverse())
            {
                await Host.RaiseAsync("customer.replied", $"c{i}", new Dictionary<string, object?> { ["text"] = $"reply {i}" });
            }
        });
        var working = Task.Run(async () =>
        {
            while (!raising.IsCompleted)
            {
                await Host.Runner.RunBatchAsync(CancellationToken.None);
            }
        });
        await Task.WhenAll(raising, working);
        await Host.DrainAsync();

        for (var i = 0; i < ids.Count; i++)
        {
            var instance = await Host.GetAsync(ids[i]);
            instance.Summary.Status.ShouldBe(InstanceStatus.Completed, $"instance for c{i}");
            instance.Variables["got"].ShouldBe($"reply {i}");
            instance.Journal.Count(e => e!["kind"]!.GetValue<string>() == "resumed").ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_failing_step_becomes_an_incident_and_a_retry_reuses_its_idempotency_key()
    {
        var flaky = new FlakyControl { FailuresLeft = 3 };
        await Host.DisposeAsync();
        _host = await StartHostAsync(flaky: flaky);
        await Host.PublishAsync("""
            { "id": "send", "name": "Send",
              "nodes": [ { "id": "start", "type": "Start" },
                         { "id": "call", "type": "Flaky", "retry": { "maxRetries": 1, "delay": "00:00:00.001", "exponential": false } } ],
              "edges": [ { "from": "start", "to": "call" } ] }
            """);
        var id = await Host.StartAsync("send");
        await Host.DrainAsync();

        var faulted = await Host.GetAsync(id);
        faulted.Summary.Status.ShouldBe(InstanceStatus.Faulted);
        faulted.Incident!.NodeId.ShouldBe("call");
        faulted.Incident.Attempts.ShouldBe(2);
        faulted.Incident.Message.ShouldContain("503");

        await Host.Runtime.RetryAsync(TenantScope.All, id, CancellationToken.None);
        await Host.DrainAsync();

        (await Host.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Completed);
        flaky.Keys.Count.ShouldBe(4);
        flaky.Keys.Distinct().Count().ShouldBe(1);
        await Should.ThrowAsync<InstanceStateException>(() => Host.Runtime.RetryAsync(TenantScope.All, id, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_instance_takes_no_more_events_and_cannot_be_cancelled_again()
    {
        await Host.PublishAsync(TestFlows.WaitForever());
        var id = await Host.StartAsync("waiter", correlationKey: "c");
        await Host.DrainAsync();

        await Host.Runtime.CancelAsync(TenantScope.All, id, CancellationToken.None);
        var late = await Host.RaiseAsync("customer.replied", "c", new Dictionary<string, object?> { ["text"] = "hello?" });

        late.ResumedInstances.ShouldBeEmpty();
        (await Host.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Cancelled);
        await Should.ThrowAsync<InstanceStateException>(() => Host.Runtime.CancelAsync(TenantScope.All, id, CancellationToken.None));
        await Should.ThrowAsync<InstanceStateException>(() => Host.Runtime.RaiseForInstanceAsync(TenantScope.All, id, "customer.replied", null, CancellationToken.None));
        await Should.ThrowAsync<InstanceNotFoundException>(() => Host.Runtime.CancelAsync(TenantScope.All, "nope", CancellationToken.None));
    }

    [Fact]
    public async Task Migrating_a_waiting_instance_continues_at_the_named_node_of_the_new_version_without_rerunning_steps()
    {
        await Host.PublishAsync(TestFlows.Payment);
        var started = await Host.RaiseAsync("order.created", "c", new Dictionary<string, object?> { ["orderId"] = "A" });
        await Host.DrainAsync();

        var v2 = TestFlows.Payment.Replace("'paid ' + vars.payment.amount", "'v2 paid ' + vars.payment.amount").Replace("\"30m\"", "\"2h\"");
        await Host.PublishAsync(v2);
        await Host.Runtime.MigrateAsync(TenantScope.All, started.StartedInstances[0], 2, "wait", CancellationToken.None);
        await Host.DrainAsync();
        await Host.RaiseAsync("payment.confirmed", "c", new Dictionary<string, object?> { ["amount"] = 7m });
        await Host.DrainAsync();

        var instance = await Host.GetAsync(started.StartedInstances[0]);
        instance.Summary.Version.ShouldBe(2);
        instance.Variables["order"].ShouldBe("A");
        instance.Variables["result"].ShouldBe("v2 paid 7");
        instance.Journal.Count(e => e!["nodeId"]!.GetValue<string>() == "start").ShouldBe(1);
        instance.Journal.Count(e => e!["nodeId"]!.GetValue<string>() == "mark").ShouldBe(1);
        await Should.ThrowAsync<InstanceStateException>(() => Host.Runtime.MigrateAsync(TenantScope.All, started.StartedInstances[0], 2, "wait", CancellationToken.None));
    }

    [Fact]
    public async Task A_running_instance_stays_on_its_version_and_reading_never_creates_a_draft()
    {
        await Host.PublishAsync(TestFlows.Delay);
        var id = await Host.StartAsync("delay-flow");
        await Host.DrainAsync();

        await Host.Store.GetVersionAsync(TenantScope.All, "delay-flow", null, default);
        await Host.Store.GetAsync(TenantScope.All, "delay-flow", default);
        (await Host.Store.VersionsAsync(TenantScope.All, "delay-flow", default)).Count.ShouldBe(1);

        var draft = await Host.Store.SaveDraftAsync(TenantScope.All, Definitions.FlowJson.Deserialize(TestFlows.Delay.Replace("\"1h\"", "\"3h\"")), null, default);
        draft.Version.ShouldBe(2);
        await Should.ThrowAsync<FlowConflictException>(() => Host.Store.SaveDraftAsync(TenantScope.All, Definitions.FlowJson.Deserialize(TestFlows.Delay), draft.Revision - 1, default));
        await Host.Store.PublishAsync(TenantScope.All, "delay-flow", default);

        Host.Clock.Advance(TimeSpan.FromMinutes(61));
        await Host.DrainAsync();
        var instance = await Host.GetAsync(id);
        instance.Summary.Version.ShouldBe(1);
        instance.Summary.Status.ShouldBe(InstanceStatus.Completed);
        (await Host.Store.GetVersionAsync(TenantScope.All, "delay-flow", 1, default)).Info.Status.ShouldBe("Published");
    }

    [Fact]
    public async Task A_retracted_flow_is_no_longer_triggered_or_started_and_an_invalid_draft_cannot_be_published()
    {
        await Host.PublishAsync(TestFlows.Payment);
        await Host.Store.RetractAsync(TenantScope.All, "payment", default);

        (await Host.RaiseAsync("order.created", "c", null)).StartedInstances.ShouldBeEmpty();
        await Should.ThrowAsync<FlowConflictException>(() => Host.Runtime.StartAsync(TenantScope.All, "payment", new StartRequest(), default));

        await Host.Store.SaveDraftAsync(TenantScope.All, Definitions.FlowJson.Deserialize(TestFlows.Payment.Replace("\"to\": \"paid\"", "\"to\": \"nowhere\"")), null, default);
        var error = await Should.ThrowAsync<Validation.FlowValidationException>(() => Host.Store.PublishAsync(TenantScope.All, "payment", default));
        error.Errors.ShouldContain(e => e.NodeId == "wait" && e.Message.Contains("nowhere"));
        (await Host.Store.GetAsync(TenantScope.All, "payment", default)).ActiveVersion.ShouldBeNull();
    }

    [Fact]
    public async Task Split_assignments_are_sticky_per_contact_and_recorded()
    {
        await Host.PublishAsync("""
            { "id": "ab", "name": "AB",
              "nodes": [ { "id": "start", "type": "Start" },
                         { "id": "split", "type": "Split", "inputs": { "variants": [ { "name": "a", "weight": 1 }, { "name": "b", "weight": 1 } ] } } ],
              "edges": [ { "from": "start", "to": "split" } ] }
            """);
        var first = await Host.StartAsync("ab", correlationKey: "contact-9");
        var second = await Host.StartAsync("ab", correlationKey: "contact-9");
        await Host.DrainAsync();

        var a = (await Host.GetAsync(first)).Journal.Single(e => e!["nodeId"]!.GetValue<string>() == "split")!["outcome"]!.GetValue<string>();
        var b = (await Host.GetAsync(second)).Journal.Single(e => e!["nodeId"]!.GetValue<string>() == "split")!["outcome"]!.GetValue<string>();
        a.ShouldBe(b);
        var recorded = await Host.SqlAsync(c => c.QueryAsync<string>("SELECT variant FROM flow_variant_assignments WHERE subject = 'contact-9'"));
        recorded.ShouldBe([a]);
    }

    [Fact]
    public async Task An_instance_leased_by_a_node_that_died_is_picked_up_after_the_lease_expires()
    {
        await Host.PublishAsync(TestFlows.Delay);
        var id = await Host.StartAsync("delay-flow");
        var until = Host.Clock.GetUtcNow().AddMinutes(2).ToUnixTimeMilliseconds();
        await Host.ExecuteSqlAsync("UPDATE flow_instances SET lease_owner = 'dead-node', lease_until = @until WHERE id = @id", new { until, id });

        (await Host.DrainAsync()).ShouldBe(0);
        Host.Clock.Advance(TimeSpan.FromMinutes(3));
        (await Host.DrainAsync()).ShouldBe(1);
        (await Host.GetAsync(id)).Summary.Status.ShouldBe(InstanceStatus.Waiting);
    }

    [Fact]
    public async Task An_effect_keyed_by_the_step_happens_once_however_often_the_step_runs()
    {
        var ledger = Host.Get<EffectLedger>();
        var calls = 0;
        var first = await ledger.OnceAsync("inst:4", _ => Task.FromResult($"wamid.{++calls}"), default);
        var second = await ledger.OnceAsync("inst:4", _ => Task.FromResult($"wamid.{++calls}"), default);

        calls.ShouldBe(1);
        second.ShouldBe(first);
    }
}

public sealed class SqliteRuntimeTests() : RuntimeScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresRuntimeTests() : RuntimeScenarios(DatabaseProvider.Postgres);
