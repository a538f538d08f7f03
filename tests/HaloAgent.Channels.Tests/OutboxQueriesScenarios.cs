using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>Reads over the outbox for the dashboard. On each real database (subclasses at the end).</summary>
public abstract class OutboxQueriesScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private const string OtherCustomer = "2348030000002";
    private const string OtherBusiness = "biz-elsewhere";

    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private OutboxQueries Queries => _host.Services.GetRequiredService<OutboxQueries>();

    [Fact]
    public async Task Ids_by_key_prefix_are_one_recipients_messages_whose_key_starts_with_exactly_that_prefix()
    {
        var first = await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "dashboard-reply:c1:r1");
        var second = await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "dashboard-reply:c1:r2");
        await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "instance-7:3");
        await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "DASHBOARD-REPLY:c1:r3");
        await EnqueueAsync(ChannelsHost.BusinessId, OtherCustomer, "dashboard-reply:c2:r1");
        await EnqueueAsync(OtherBusiness, ChannelsHost.Customer, "dashboard-reply:c3:r1");
        var literal = await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "50%_off:1");
        await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "50% off:2");

        (await Queries.IdsByKeyPrefixAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "dashboard-reply:", CancellationToken.None))
            .ShouldBe([first.Id, second.Id], ignoreOrder: true);
        (await Queries.IdsByKeyPrefixAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "50%_", CancellationToken.None))
            .ShouldBe([literal.Id], "'%' and '_' are not wildcards");
        (await Queries.IdsByKeyPrefixAsync(ChannelsHost.BusinessId, "2348039999999", "dashboard-reply:", CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Messages_queued_since_a_time_are_the_business_s_oldest_first_with_when_they_were_queued()
    {
        var before = DateTimeOffset.UtcNow;
        var first = await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "k-1");
        var second = await EnqueueAsync(ChannelsHost.BusinessId, OtherCustomer, "k-2");
        await EnqueueAsync(OtherBusiness, ChannelsHost.Customer, "k-3");
        var after = DateTimeOffset.UtcNow;

        var queued = await Queries.QueuedSinceAsync(ChannelsHost.BusinessId, before, CancellationToken.None);

        queued.Select(e => (e.Id, e.Recipient)).ShouldBe([(first.Id, ChannelsHost.Customer), (second.Id, OtherCustomer)]);
        queued.ShouldAllBe(e => e.QueuedAt >= DateTimeOffset.FromUnixTimeMilliseconds(before.ToUnixTimeMilliseconds()) && e.QueuedAt <= after);
        var last = queued[^1].QueuedAt;
        (await Queries.QueuedSinceAsync(ChannelsHost.BusinessId, last, CancellationToken.None)).ShouldContain(e => e.Id == second.Id, "the bound is inclusive");
        (await Queries.QueuedSinceAsync(ChannelsHost.BusinessId, last.AddMilliseconds(1), CancellationToken.None)).ShouldBeEmpty();
    }

    private Task<EnqueueResult> EnqueueAsync(string businessId, string to, string key) =>
        _host.Outbox.EnqueueAsync(new OutboundMessage(businessId, to, new TextContent("hello"), key), CancellationToken.None);
}

public sealed class SqliteOutboxQueriesScenarios() : OutboxQueriesScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxQueriesScenarios() : OutboxQueriesScenarios(DatabaseProvider.Postgres);
