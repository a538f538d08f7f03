using System.Net;
using Dapper;
using HaloAgent.Channels.Inbox;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>Dead letters: listed newest first with a redacted excerpt, re-queued through the same dedupe, or discarded.</summary>
public abstract class DeadLetterScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DeadLetters DeadLetters => _host.Services.GetRequiredService<DeadLetters>();

    private async Task PostAsync(WhatsAppWebhookBuilder webhook)
    {
        using var response = await _host.PostAsync(webhook);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_message_for_an_unknown_number_is_dead_lettered_and_handed_off_once_requeued_after_the_number_is_registered()
    {
        await PostAsync(new WhatsAppWebhookBuilder("PNID-NEW-SHOP").Text("2348030000077", "Ada here: 12 Allen Avenue", name: "Ada Obi"));
        await _host.ProcessAsync();
        _host.Handler.Calls.ShouldBe(0);

        var page = await DeadLetters.ListAsync(0, 10, CancellationToken.None);
        page.Total.ShouldBe(1);
        var letter = page.Items.ShouldHaveSingleItem();
        letter.Channel.ShouldBe("whatsapp");
        letter.Reason.ShouldContain("Unknown phone_number_id 'PNID-NEW-SHOP'");
        letter.Attempts.ShouldBe(1);
        letter.ReceivedAt.ShouldBe(_host.Clock.GetUtcNow());
        letter.Excerpt.ShouldNotBeNull();
        letter.Excerpt.ShouldContain("PNID-NEW-SHOP");
        letter.Excerpt.ShouldContain("\"type\":\"text\",\"text\":{\"body\":\"«25 chars»\"}");
        letter.Excerpt.ShouldNotContain("Allen Avenue");
        letter.Excerpt.ShouldNotContain("Ada Obi", Case.Sensitive);
        letter.Excerpt.ShouldNotContain("2348030000077");

        _host.Directory.Add(new ChannelBusiness("biz-new-shop", "PNID-NEW-SHOP", "token-3"));
        (await DeadLetters.RequeueAsync(letter.Id, CancellationToken.None)).ShouldBe(RequeueResult.Requeued);
        await _host.ProcessAsync();
        _host.Handler.Messages.ShouldHaveSingleItem().BusinessId.ShouldBe("biz-new-shop");
        (await DeadLetters.ListAsync(0, 10, CancellationToken.None)).Total.ShouldBe(0);

        // Re-queued twice (e.g. two admins): the dedupe still hands it off once.
        await _host.SqlAsync(c => c.ExecuteAsync("UPDATE webhook_inbox SET status = 'dead', processed_at = 1"));
        (await DeadLetters.RequeueAsync(letter.Id, CancellationToken.None)).ShouldBe(RequeueResult.Requeued);
        await _host.ProcessAsync();
        _host.Handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Dead_letters_are_paged_newest_first_and_can_be_discarded()
    {
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(new WhatsAppWebhookBuilder("PNID-NOBODY").Text(ChannelsHost.Customer, $"hello {i}"));
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await _host.ProcessAsync();

        var first = await DeadLetters.ListAsync(0, 2, CancellationToken.None);
        first.Total.ShouldBe(3);
        first.Items.Count.ShouldBe(2);
        first.Items[0].ReceivedAt.ShouldBeGreaterThan(first.Items[1].ReceivedAt);
        var second = await DeadLetters.ListAsync(2, 2, CancellationToken.None);
        var oldest = second.Items.ShouldHaveSingleItem();

        (await DeadLetters.DiscardAsync(oldest.Id, CancellationToken.None)).ShouldBeTrue();
        (await DeadLetters.DiscardAsync(oldest.Id, CancellationToken.None)).ShouldBeFalse();
        (await DeadLetters.RequeueAsync("no-such-id", CancellationToken.None)).ShouldBe(RequeueResult.NotFound);
        (await DeadLetters.ListAsync(0, 10, CancellationToken.None)).Total.ShouldBe(2);
    }

    [Fact]
    public async Task A_processed_event_is_neither_listed_nor_requeued_nor_discarded()
    {
        await PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hello"));
        await _host.ProcessAsync();
        var id = await _host.SqlAsync(c => c.QuerySingleAsync<string>("SELECT id FROM webhook_inbox"));

        (await DeadLetters.ListAsync(0, 10, CancellationToken.None)).Items.ShouldBeEmpty();
        (await DeadLetters.RequeueAsync(id, CancellationToken.None)).ShouldBe(RequeueResult.NotFound);
        (await DeadLetters.DiscardAsync(id, CancellationToken.None)).ShouldBeFalse();
        (await _host.CountAsync("webhook_inbox", "status = 'processed'")).ShouldBe(1);
    }
}

public sealed class SqliteDeadLetterScenarios() : DeadLetterScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresDeadLetterScenarios() : DeadLetterScenarios(DatabaseProvider.Postgres);
