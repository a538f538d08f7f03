using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using HaloAgent.Channels.History;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Channels.WebChat;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>
/// A customer's conversation anonymised for an erasure, inside a transaction the caller owns. On each real database
/// (subclasses at the end).
/// </summary>
public abstract class ConversationRedactionScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private const string OtherCustomer = "2348030000002";
    private const string OtherBusiness = "biz-elsewhere";
    private const string ErasedKey = "erased:contact-1";

    private FakeGraphServer _graph = null!;
    private ChannelsHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider), _graph);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private ConversationHistory History => _host.Services.GetRequiredService<ConversationHistory>();

    [Fact]
    public async Task Finished_messages_lose_text_and_number_and_move_to_the_replacement_key_while_unfinished_ones_stay()
    {
        var seeded = await SeedAsync();

        await RedactAsync(commit: true);

        var left = await History.GetAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, 100, CancellationToken.None);
        left.Select(m => (m.Direction, m.Text)).ShouldBe(
            [(ConversationEntry.Inbound, "Are you there?"), (ConversationEntry.Outbound, "Still cooking")], ignoreOrder: true);
        var redacted = await History.GetAsync(ChannelsHost.BusinessId, ErasedKey, 100, CancellationToken.None);
        redacted.Select(m => m.Direction).ShouldBe([ConversationEntry.Inbound, ConversationEntry.Outbound], ignoreOrder: true);
        redacted.ShouldAllBe(m => m.Text == ConversationRedaction.RedactedText);

        var inbound = JsonNode.Parse(await _host.SqlAsync(c => c.QuerySingleAsync<string>(
            "SELECT payload FROM channel_inbound_messages WHERE sender = @ErasedKey", new { ErasedKey })))!.AsObject();
        inbound["from"]!.GetValue<string>().ShouldBe(ErasedKey);
        inbound["text"]!.GetValue<string>().ShouldBe(ConversationRedaction.RedactedText);
        inbound.ContainsKey("profileName").ShouldBeFalse();
        inbound["externalId"].ShouldNotBeNull("the message keeps its shape");

        var outbound = await _host.SqlAsync(c => c.QuerySingleAsync<(string Recipient, string Type, string Payload, string? Callback)>(
            "SELECT recipient, message_type, payload, biz_opaque_callback_data FROM outbound_messages WHERE id = @Id", new { Id = seeded.SentId }));
        outbound.Recipient.ShouldBe(ErasedKey);
        outbound.Type.ShouldBe("text");
        outbound.Callback.ShouldBeNull();
        var request = JsonNode.Parse(outbound.Payload)!;
        request["to"]!.GetValue<string>().ShouldBe(ErasedKey);
        request["text"]!["body"]!.GetValue<string>().ShouldBe(ConversationRedaction.RedactedText);

        (await RecipientIdAsync(seeded.Wamid)).ShouldBeNull();

        // Nobody else's messages change: another customer of the business, or the same number at another business.
        (await RecipientIdAsync(seeded.OtherWamid)).ShouldBe(OtherCustomer);
        (await History.GetAsync(ChannelsHost.BusinessId, OtherCustomer, 100, CancellationToken.None)).Select(m => m.Text)
            .ShouldBe(["Hello from Bola", "Welcome, Bola"], ignoreOrder: true);
        (await History.GetAsync(OtherBusiness, ChannelsHost.Customer, 100, CancellationToken.None)).ShouldHaveSingleItem().Text.ShouldBe("Your rice from elsewhere");
    }

    [Fact]
    public async Task A_redaction_rolled_back_with_the_callers_transaction_leaves_the_conversation_as_it_was()
    {
        var seeded = await SeedAsync();

        await RedactAsync(commit: false);

        (await History.GetAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, 100, CancellationToken.None)).Select(m => m.Text).ShouldBe(
            ["Deliver to 12 Allen Avenue", "Are you there?", "Ada, your jollof is on the way", "Still cooking"], ignoreOrder: true);
        (await History.GetAsync(ChannelsHost.BusinessId, ErasedKey, 100, CancellationToken.None)).ShouldBeEmpty();
        (await RecipientIdAsync(seeded.Wamid)).ShouldBe(ChannelsHost.Customer);
    }

    /// <summary>
    /// The customer: a handled message, one still being handed off (the handler failed it), a reply sent and delivered,
    /// a reply still queued. Besides: another customer's exchange, and a sent reply to the same number from another business.
    /// </summary>
    [Fact]
    public async Task A_web_chat_visitors_pictures_are_deleted_and_nobody_elses()
    {
        async Task<string> UploadAsync()
        {
            using var session = await _host.Http.PostAsync($"/api/webchat/{ChannelsHost.Slug}/sessions", null);
            var token = (await session.Content.ReadFromJsonAsync<JsonObject>())!["sessionId"]!.GetValue<string>();
            using var upload = await _host.Http.PostAsync(
                $"/api/webchat/{ChannelsHost.Slug}/images?sessionId={token}&clientMessageId=r1", new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
            upload.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            return WebChatSession.ContactKey(_host.Services.GetRequiredService<WebChatSessions>().Check(ChannelsHost.BusinessId, token).Key!);
        }

        var visitor = await UploadAsync();
        var other = await UploadAsync();
        await _host.ProcessAsync();

        await RedactAsync(commit: true, visitor);

        (await _host.CountAsync("webchat_images", "sender = @visitor", new { visitor })).ShouldBe(0);
        (await _host.CountAsync("webchat_images", "sender = @other", new { other })).ShouldBe(1);
    }

    private async Task<(string SentId, string Wamid, string OtherWamid)> SeedAsync()
    {
        await PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "Deliver to 12 Allen Avenue", name: "Ada"));
        await PostAsync(new WhatsAppWebhookBuilder().Text(OtherCustomer, "Hello from Bola", name: "Bola"));
        (await _host.ProcessAsync()).ShouldBe(2);
        _host.Handler.FailNext(1);
        await PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "Are you there?", name: "Ada"));
        await _host.ProcessAsync();
        (await _host.CountAsync("channel_inbound_messages", "handled_at IS NULL")).ShouldBe(1);

        var sent = await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "Ada, your jollof is on the way", "k-sent", callback: "flow:order:3");
        await EnqueueAsync(ChannelsHost.BusinessId, OtherCustomer, "Welcome, Bola", "k-other");
        (await _host.SendAsync()).ShouldBe(2);
        var wamid = _graph.Sent.Single(r => r.To == ChannelsHost.Customer).Wamid!;
        var otherWamid = _graph.Sent.Single(r => r.To == OtherCustomer).Wamid!;
        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "delivered", recipientId: ChannelsHost.Customer));
        await PostAsync(new WhatsAppWebhookBuilder().Status(otherWamid, "delivered", recipientId: OtherCustomer));
        await _host.ProcessAsync();
        (await RecipientIdAsync(wamid)).ShouldBe(ChannelsHost.Customer);

        await EnqueueAsync(ChannelsHost.BusinessId, ChannelsHost.Customer, "Still cooking", "k-queued");
        var elsewhere = await EnqueueAsync(OtherBusiness, ChannelsHost.Customer, "Your rice from elsewhere", "k-elsewhere");
        await _host.SqlAsync(c => c.ExecuteAsync("UPDATE outbound_messages SET status = 'sent' WHERE id = @Id", new { elsewhere.Id }));
        return (sent.Id, wamid, otherWamid);
    }

    /// <summary>As an erasure does it: the write gate, then a transaction of the caller's in which the redaction takes part.</summary>
    private async Task RedactAsync(bool commit, string contactKey = ChannelsHost.Customer)
    {
        var redaction = _host.Services.GetRequiredService<ConversationRedaction>();
        using var gate = await _host.Services.GetRequiredService<SqlDialect>().EnterWriteAsync(CancellationToken.None);
        await _host.SqlAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await redaction.RedactAsync(connection, transaction, ChannelsHost.BusinessId, contactKey, ErasedKey, CancellationToken.None);
            if (commit)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }

            return 0;
        });
    }

    private async Task PostAsync(WhatsAppWebhookBuilder webhook)
    {
        using var response = await _host.PostAsync(webhook);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<EnqueueResult> EnqueueAsync(string businessId, string to, string text, string key, string? callback = null) =>
        _host.Outbox.EnqueueAsync(new OutboundMessage(businessId, to, new TextContent(text), key) { BizOpaqueCallbackData = callback }, CancellationToken.None);

    private Task<string?> RecipientIdAsync(string wamid) =>
        _host.SqlAsync(c => c.QuerySingleAsync<string?>("SELECT recipient_id FROM channel_status_events WHERE wamid = @wamid", new { wamid }));
}

public sealed class SqliteConversationRedactionScenarios() : ConversationRedactionScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresConversationRedactionScenarios() : ConversationRedactionScenarios(DatabaseProvider.Postgres);
