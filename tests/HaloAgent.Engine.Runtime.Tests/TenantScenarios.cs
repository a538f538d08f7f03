using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Runtime.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Engine.Runtime.Tests;

/// <summary>
/// Tenants (businesses) on one engine: a tenant's flows, instances and events are invisible to and untouchable by
/// another, and platform flows (no tenant) run for every tenant. Run against each real database.
/// </summary>
public abstract class TenantScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TenantScope Mama = TenantScope.Of("mama-put");
    private static readonly TenantScope Suya = TenantScope.Of("suya-spot");

    private readonly ManualClock _clock = new();
    private EngineHost _host = null!;

    public async Task InitializeAsync()
    {
        var database = await DatabaseTarget.CreateAsync(provider);
        _host = await EngineHost.StartAsync(database.Provider, database.ConnectionString, _clock);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_tenant_lists_reads_and_changes_only_its_own_flows()
    {
        await ImportAsync(Mama, TestFlows.Payment);
        await ImportAsync(Suya, TestFlows.Delay);

        (await _host.Store.ListAsync(Mama, default)).Select(f => f.Id).ShouldBe(["payment"]);
        (await _host.Store.ListAsync(Suya, default)).Select(f => f.Id).ShouldBe(["delay-flow"]);
        (await _host.Store.ListAsync(TenantScope.All, default)).Select(f => f.Id).ShouldBe(["delay-flow", "payment"], ignoreOrder: true);

        // To Suya, Mama's flow does not exist: reading, versions, publishing, retracting, discarding, starting.
        await Should.ThrowAsync<FlowNotFoundException>(() => _host.Store.GetAsync(Suya, "payment", default));
        await Should.ThrowAsync<FlowNotFoundException>(() => _host.Store.VersionsAsync(Suya, "payment", default));
        await Should.ThrowAsync<FlowNotFoundException>(() => _host.Store.GetVersionAsync(Suya, "payment", null, default));
        await Should.ThrowAsync<FlowNotFoundException>(() => _host.Store.RetractAsync(Suya, "payment", default));
        await Should.ThrowAsync<FlowNotFoundException>(() => _host.Store.PublishAsync(Suya, "payment", default));
        await Should.ThrowAsync<FlowNotFoundException>(() => _host.Store.DiscardDraftAsync(Suya, "payment", default));
        await Should.ThrowAsync<FlowNotFoundException>(() => _host.Runtime.StartAsync(Suya, "payment", new StartRequest(), default));

        // Ids are unique across the platform: Suya cannot take over Mama's by saving a draft under its id.
        var takeover = FlowJson.Deserialize(TestFlows.Payment) with { Name = "Mine now" };
        (await Should.ThrowAsync<FlowConflictException>(() => _host.Store.SaveDraftAsync(Suya, takeover, null, default))).Message.ShouldContain("in use");
        (await _host.Store.GetAsync(Mama, "payment", default)).Name.ShouldBe("Payment");
        (await _host.Store.GetAsync(Mama, "payment", default)).ActiveVersion.ShouldBe(1);
    }

    [Fact]
    public async Task An_event_starts_only_its_own_tenants_flows_and_platform_flows_and_the_instance_belongs_to_that_tenant()
    {
        await ImportAsync(Mama, TestFlows.Payment);
        await ImportAsync(TenantScope.All, TestFlows.Payment.Replace("\"id\": \"payment\"", "\"id\": \"platform-payment\""));

        var suyas = await RaiseAsync(Suya, "order.created", "customer-1");
        var started = (await _host.Instances.ListAsync(TenantScope.All, new InstanceFilter(), default)).ShouldHaveSingleItem();
        suyas.StartedInstances.ShouldBe([started.Id]);
        started.FlowId.ShouldBe("platform-payment");

        // The platform flow's instance is Suya's: Suya sees it, Mama does not.
        (await _host.Instances.ListAsync(Suya, new InstanceFilter(), default)).Select(i => i.Id).ShouldBe([started.Id]);
        (await _host.Instances.ListAsync(Mama, new InstanceFilter(), default)).ShouldBeEmpty();

        var mamas = await RaiseAsync(Mama, "order.created", "customer-2");
        mamas.StartedInstances.Count.ShouldBe(2);
        var mamaFlows = (await _host.Instances.ListAsync(Mama, new InstanceFilter(), default)).Select(i => i.FlowId).Order().ToList();
        mamaFlows.ShouldBe(["payment", "platform-payment"]);

        // A platform event (no tenant) starts only platform flows.
        (await RaiseAsync(null, "order.created", "customer-3")).StartedInstances.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Another_tenants_event_with_the_same_key_neither_resumes_an_instance_nor_is_taken_by_it_later()
    {
        await ImportAsync(Mama, TestFlows.WaitForever());
        var waiting = (await _host.Runtime.StartAsync(Mama, "waiter", new StartRequest { CorrelationKey = "shared-key" }, default)).InstanceId;
        await _host.DrainAsync();

        var foreign = await RaiseAsync(Suya, "customer.replied", "shared-key", new Dictionary<string, object?> { ["text"] = "not yours" });
        foreign.ResumedInstances.ShouldBeEmpty();
        await _host.DrainAsync();
        (await _host.GetAsync(waiting)).Summary.Status.ShouldBe(InstanceStatus.Waiting);

        // The foreign event stays pending; a new wait of Mama's instance for the same key must not take it either.
        var second = (await _host.Runtime.StartAsync(Mama, "waiter", new StartRequest { CorrelationKey = "shared-key" }, default)).InstanceId;
        await _host.DrainAsync();
        (await _host.GetAsync(second)).Summary.Status.ShouldBe(InstanceStatus.Waiting);

        var own = await RaiseAsync(Mama, "customer.replied", "shared-key", new Dictionary<string, object?> { ["text"] = "yes" });
        own.ResumedInstances.ShouldBe(new[] { waiting, second }.Order(StringComparer.Ordinal).ToList());
        await _host.DrainAsync();
        (await _host.GetAsync(waiting)).Variables["got"].ShouldBe("yes");
    }

    [Fact]
    public async Task A_tenant_cannot_read_retry_cancel_migrate_or_signal_another_tenants_instance()
    {
        await ImportAsync(Mama, TestFlows.WaitForever());
        var id = (await _host.Runtime.StartAsync(Mama, "waiter", new StartRequest { CorrelationKey = "k" }, default)).InstanceId;
        await _host.DrainAsync();

        await Should.ThrowAsync<InstanceNotFoundException>(() => _host.Instances.GetAsync(Suya, id, default));
        await Should.ThrowAsync<InstanceNotFoundException>(() => _host.Runtime.CancelAsync(Suya, id, default));
        await Should.ThrowAsync<InstanceNotFoundException>(() => _host.Runtime.RetryAsync(Suya, id, default));
        await Should.ThrowAsync<InstanceNotFoundException>(() => _host.Runtime.MigrateAsync(Suya, id, 1, "after", default));
        await Should.ThrowAsync<InstanceNotFoundException>(() => _host.Runtime.RaiseForInstanceAsync(Suya, id, "customer.replied", null, default));
        (await _host.Instances.ListAsync(Suya, new InstanceFilter { FlowId = "waiter" }, default)).ShouldBeEmpty();

        (await _host.Instances.GetAsync(Mama, id, default)).Summary.Status.ShouldBe(InstanceStatus.Waiting);
        await _host.Runtime.CancelAsync(Mama, id, default);
        (await _host.Instances.GetAsync(TenantScope.All, id, default)).Summary.Status.ShouldBe(InstanceStatus.Cancelled);
    }

    [Fact]
    public async Task A_flow_from_before_tenants_is_adopted_once_with_its_triggers_and_instances()
    {
        await ImportAsync(TenantScope.All, TestFlows.Payment);
        var old = (await RaiseAsync(null, "order.created", "c1")).StartedInstances.ShouldHaveSingleItem();

        (await _host.Store.AdoptAsync("payment", "mama-put", default)).ShouldBeTrue();
        (await _host.Store.AdoptAsync("payment", "suya-spot", default)).ShouldBeFalse();

        (await _host.Store.ListAsync(Mama, default)).Select(f => f.Id).ShouldBe(["payment"]);
        (await _host.Store.ListAsync(Suya, default)).ShouldBeEmpty();
        (await _host.Instances.GetAsync(Mama, old, default)).Summary.FlowId.ShouldBe("payment");
        (await RaiseAsync(Mama, "order.created", "c2")).StartedInstances.Count.ShouldBe(1);
        (await RaiseAsync(Suya, "order.created", "c3")).StartedInstances.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_flow_is_deleted_with_its_versions_and_triggers_by_its_own_tenant_once_its_instances_are_finished()
    {
        await ImportAsync(Mama, TestFlows.Payment);
        await _host.Store.SaveDraftAsync(Mama, FlowJson.Deserialize(TestFlows.Payment) with { Name = "Payment v2" }, null, default);
        var running = (await RaiseAsync(Mama, "order.created", "customer-1")).StartedInstances.ShouldHaveSingleItem();
        await _host.DrainAsync();
        (await CountAsync("SELECT COUNT(*) FROM flow_triggers WHERE flow_id = 'payment'")).ShouldBe(1);

        // Another tenant cannot delete it, and nobody can while an instance of it still waits.
        (await _host.Store.DeleteAsync(Suya, "payment", default)).ShouldBeFalse();
        await Should.ThrowAsync<FlowConflictException>(() => _host.Store.DeleteAsync(Mama, "payment", default));
        (await _host.Store.GetAsync(Mama, "payment", default)).ActiveVersion.ShouldBe(1);

        await _host.Runtime.CancelAsync(Mama, running, default);
        (await _host.Store.DeleteAsync(Mama, "payment", default)).ShouldBeTrue();

        (await _host.Store.ListAsync(TenantScope.All, default)).ShouldBeEmpty();
        (await CountAsync("SELECT COUNT(*) FROM flow_versions WHERE flow_id = 'payment'")).ShouldBe(0);
        (await CountAsync("SELECT COUNT(*) FROM flow_triggers WHERE flow_id = 'payment'")).ShouldBe(0);
        (await RaiseAsync(Mama, "order.created", "customer-2")).StartedInstances.ShouldBeEmpty();
        (await _host.Instances.GetAsync(Mama, running, default)).Summary.Status.ShouldBe(InstanceStatus.Cancelled, "finished instances are the caller's to keep");
        (await _host.Store.DeleteAsync(Mama, "payment", default)).ShouldBeFalse("deleting again finds nothing");
    }

    private Task<long> CountAsync(string sql) => _host.SqlAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c, sql));

    private Task ImportAsync(TenantScope tenant, string json) =>
        _host.Store.ImportAsync(tenant, FlowJson.Deserialize(json), publish: true, default);

    private Task<EventResult> RaiseAsync(TenantScope? tenant, string name, string key, object? payload = null) =>
        _host.Runtime.RaiseAsync(new EventRequest(name, key, payload) { Tenant = tenant?.TenantId }, default);
}

public sealed class SqliteTenantTests() : TenantScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresTenantTests() : TenantScenarios(DatabaseProvider.Postgres);
