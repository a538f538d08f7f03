using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Channels.Tests;

/// <summary>A broadcast's batch queued in one call. On each real database (subclasses at the end).</summary>
public abstract class OutboxBatchScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_batch_queues_each_new_key_once_and_returns_the_messages_the_channel_would_refuse_without_losing_the_rest()
    {
        await _host.Outbox.EnqueueAsync(Message("2348030000001", "bc:1:a", "queued before"), CancellationToken.None);

        var refused = await _host.Outbox.EnqueueManyAsync(
            [
                Message("2348030000001", "bc:1:a", "again"),
                Message("not-a-number", "bc:1:b", "hello"),
                Message("2348030000003", "bc:1:c", "hello"),
                Message("2348030000004", "bc:1:d", "hello"),
            ],
            CancellationToken.None);

        refused.Keys.ShouldBe(["bc:1:b"]);
        refused["bc:1:b"].ShouldContain("not a WhatsApp id");
        (await _host.Outbox.FindByIdempotencyKeyAsync("bc:1:b", CancellationToken.None)).ShouldBeNull();
        (await _host.Outbox.FindByIdempotencyKeyAsync("bc:1:c", CancellationToken.None)).ShouldNotBeNull().To.ShouldBe("2348030000003");
        (await _host.Outbox.FindByIdempotencyKeyAsync("bc:1:d", CancellationToken.None)).ShouldNotBeNull();
        var first = (await _host.Outbox.FindByIdempotencyKeyAsync("bc:1:a", CancellationToken.None)).ShouldNotBeNull();
        first.Payload.ShouldContain("queued before", customMessage: "a key queued before is left as it was");
        (await _host.Outbox.EnqueueManyAsync([], CancellationToken.None)).ShouldBeEmpty();
    }

    private static OutboundMessage Message(string to, string key, string text) =>
        new(ChannelsHost.BusinessId, to, new TextContent(text), key);
}

public sealed class SqliteOutboxBatchScenarios() : OutboxBatchScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxBatchScenarios() : OutboxBatchScenarios(DatabaseProvider.Postgres);
