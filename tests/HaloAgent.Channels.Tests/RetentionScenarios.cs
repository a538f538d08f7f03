using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Retention;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>Raw webhook bodies are emptied after the retention period (manual clock); ids, statuses and dedupe stay.</summary>
public abstract class RetentionScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(
        await DatabaseTarget.CreateAsync(provider),
        settings: new Dictionary<string, string?>
        {
            ["HaloAgent:Channels:Retention:WebhookBodyDays"] = "30",
            ["HaloAgent:Channels:Retention:BatchSize"] = "2", // several batches for five rows
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private WebhookBodyRetention Retention => _host.Services.GetRequiredService<WebhookBodyRetention>();

    private async Task PostAsync(WhatsAppWebhookBuilder webhook)
    {
        using var response = await _host.PostAsync(webhook);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bodies_older_than_the_retention_are_emptied_in_batches_and_a_redelivery_is_still_deduplicated()
    {
        var hooks = Enumerable.Range(0, 4).Select(i => new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, $"message {i}")).ToList();
        foreach (var hook in hooks)
        {
            await PostAsync(hook);
        }

        await PostAsync(new WhatsAppWebhookBuilder("PNID-NOBODY").Text(ChannelsHost.Customer, "dead letter"));
        await _host.ProcessAsync();
        _host.Handler.Calls.ShouldBe(4);

        _host.Clock.Advance(TimeSpan.FromDays(29));
        (await Retention.PruneAsync(CancellationToken.None)).ShouldBe(0); // not old enough yet
        _host.Clock.Advance(TimeSpan.FromDays(2));

        (await Retention.PruneAsync(CancellationToken.None)).ShouldBe(5);

        (await _host.CountAsync("webhook_inbox")).ShouldBe(5);
        (await _host.SqlAsync(c => c.QueryAsync<byte[]>("SELECT body FROM webhook_inbox"))).ShouldAllBe(b => b.Length == 0);
        (await _host.CountAsync("webhook_inbox", "pruned_at IS NOT NULL")).ShouldBe(5);
        (await _host.CountAsync("webhook_inbox", "status = 'dead' AND error LIKE '%PNID-NOBODY%'")).ShouldBe(1);
        (await Retention.PruneAsync(CancellationToken.None)).ShouldBe(0); // idempotent: another node's run finds nothing

        // Meta redelivers an old message after its body was pruned: still one hand-off.
        await PostAsync(hooks[0]);
        await _host.ProcessAsync();
        _host.Handler.Calls.ShouldBe(4);

        // A pruned dead letter is still listed (reason, time) but has nothing left to re-queue.
        var letter = (await _host.Services.GetRequiredService<DeadLetters>().ListAsync(0, 10, CancellationToken.None)).Items.ShouldHaveSingleItem();
        letter.BodyPruned.ShouldBeTrue();
        letter.Excerpt.ShouldBeNull();
        (await _host.Services.GetRequiredService<DeadLetters>().RequeueAsync(letter.Id, CancellationToken.None)).ShouldBe(RequeueResult.BodyPruned);
    }

    [Fact]
    public async Task An_event_still_waiting_to_be_processed_keeps_its_body_however_old()
    {
        await PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "still pending"));
        _host.Clock.Advance(TimeSpan.FromDays(60));

        (await Retention.PruneAsync(CancellationToken.None)).ShouldBe(0);

        await _host.ProcessAsync();
        _host.Handler.Messages.ShouldHaveSingleItem().Text.ShouldBe("still pending");
    }

    [Fact]
    public async Task Web_chat_pictures_older_than_their_retention_are_deleted()
    {
        using (var session = await _host.Http.PostAsync($"/api/webchat/{ChannelsHost.Slug}/sessions", null))
        {
            var token = (await session.Content.ReadFromJsonAsync<JsonObject>())!["sessionId"]!.GetValue<string>();
            using var upload = await _host.Http.PostAsync(
                $"/api/webchat/{ChannelsHost.Slug}/images?sessionId={token}&clientMessageId=r1", new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
            upload.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        _host.Clock.Advance(TimeSpan.FromDays(29));
        (await Retention.PruneImagesAsync(CancellationToken.None)).ShouldBe(0);
        _host.Clock.Advance(TimeSpan.FromDays(2));

        (await Retention.PruneImagesAsync(CancellationToken.None)).ShouldBe(1);
        (await _host.CountAsync("webchat_images")).ShouldBe(0);
    }
}

public sealed class SqliteRetentionScenarios() : RetentionScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresRetentionScenarios() : RetentionScenarios(DatabaseProvider.Postgres);
