using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Channels.WebChat;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>The web chat page's API: sessions, posting through the inbox to the agent, the transcript, and bad input.</summary>
public abstract class WebChatScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Api = $"/api/webchat/{ChannelsHost.Slug}";
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider), settings: new Dictionary<string, string?>
        {
            ["HaloAgent:Channels:WebChat:MessagesPerMinute"] = "5",
            ["HaloAgent:Channels:WebChat:SessionReadsPerMinute"] = "4",
            ["HaloAgent:Channels:WebChat:ReadsPerMinute"] = "10",
        });

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    private async Task<string> StartSessionAsync()
    {
        using var response = await _host.Http.PostAsync($"{Api}/sessions", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["business"]!["name"]!.GetValue<string>().ShouldBe(ChannelsHost.BusinessName);
        return body["sessionId"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> PostAsync(object body) => _host.Http.PostAsJsonAsync($"{Api}/messages", body);

    /// <summary>The session key the server stores for a token it issued (the contact is web:{key}).</summary>
    private string KeyOf(string token) => _host.Services.GetRequiredService<WebChatSessions>().Check(ChannelsHost.BusinessId, token).Key!;

    [Fact]
    public async Task A_visitors_message_reaches_the_agent_once_as_a_web_chat_message_of_their_session()
    {
        var session = await StartSessionAsync();
        WebChatSession.IsValidId(KeyOf(session)).ShouldBeTrue();

        using (var first = await PostAsync(new { sessionId = session, clientMessageId = "m1", text = "  I want 2 jollof rice  " }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        // The page re-sends after a dropped connection: same clientMessageId, one message.
        using (var again = await PostAsync(new { sessionId = session, clientMessageId = "m1", text = "I want 2 jollof rice" }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await _host.ProcessAsync();

        var message = _host.Handler.Messages.ShouldHaveSingleItem();
        message.Channel.ShouldBe(ChannelKind.WebChat);
        message.BusinessId.ShouldBe(ChannelsHost.BusinessId);
        message.From.ShouldBe("web:" + KeyOf(session));
        message.Text.ShouldBe("I want 2 jollof rice");
        message.Type.ShouldBe(InboundMessageType.Text);
    }

    [Fact]
    public async Task A_tapped_button_arrives_as_a_reply_with_its_id()
    {
        var session = await StartSessionAsync();

        using var response = await PostAsync(new { sessionId = session, clientMessageId = "m2", reply = new { id = "fulfilment:delivery", title = "Delivery" } });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await _host.ProcessAsync();

        var message = _host.Handler.Messages.ShouldHaveSingleItem();
        message.Type.ShouldBe(InboundMessageType.ButtonReply);
        message.Reply.ShouldBe(new InboundReply("fulfilment:delivery", "Delivery"));
    }

    [Fact]
    public async Task The_transcript_has_both_sides_in_order_with_the_choices_to_tap()
    {
        var session = await StartSessionAsync();
        using (await PostAsync(new { sessionId = session, clientMessageId = "m1", text = "hello" }))
        {
        }

        await _host.ProcessAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        await _host.Outbox.EnqueueAsync(
            new OutboundMessage(ChannelsHost.BusinessId, "web:" + KeyOf(session), new ButtonsContent("Delivery or pickup?", [new ReplyButton("delivery", "Delivery"), new ReplyButton("pickup", "Pickup")]), "k-1")
            {
                Channel = ChannelKind.WebChat,
            },
            CancellationToken.None);
        await _host.SendAsync();

        var transcript = (await _host.Http.GetFromJsonAsync<JsonObject>($"{Api}/messages?sessionId={session}"))!;
        var messages = transcript["messages"]!.AsArray();
        messages.Count.ShouldBe(2);
        messages[0]!["direction"]!.GetValue<string>().ShouldBe("inbound");
        messages[0]!["text"]!.GetValue<string>().ShouldBe("hello");
        messages[0]!["id"]!.GetValue<string>().ShouldBe($"web.{KeyOf(session)}.m1");
        messages[1]!["direction"]!.GetValue<string>().ShouldBe("outbound");
        messages[1]!["text"]!.GetValue<string>().ShouldBe("Delivery or pickup?");
        messages[1]!["status"]!.GetValue<string>().ShouldBe("sent");
        messages[1]!["choices"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ShouldBe(["delivery", "pickup"]);

        // Another visitor's session sees none of it.
        var other = await StartSessionAsync();
        var empty = (await _host.Http.GetFromJsonAsync<JsonObject>($"{Api}/messages?sessionId={other}"))!;
        empty["messages"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_page_is_served_with_the_business_name_encoded_and_unknown_businesses_get_404()
    {
        using var page = await _host.Http.GetAsync($"/chat/{ChannelsHost.Slug}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<title>Mama Nkechi&#39;s Kitchen</title>");
        html.ShouldNotContain("{{business}}");

        using var missing = await _host.Http.GetAsync("/chat/no-such-shop");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var missingApi = await _host.Http.PostAsync("/api/webchat/no-such-shop/sessions", null);
        missingApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Bodies with a valid session (<c>SESSION</c> is replaced by one) that are wrong in another way.</summary>
    public static TheoryData<string, string> BadPosts => new()
    {
        { """{"clientMessageId":"m1","text":"hi"}""", "sessionId is missing" },
        { """{"sessionId":"SESSION","clientMessageId":"has spaces","text":"hi"}""", "clientMessageId" },
        { """{"sessionId":"SESSION","clientMessageId":"m1","text":"   "}""", "empty" },
        { $$"""{"sessionId":"SESSION","clientMessageId":"m1","text":"{{new string('a', 4097)}}"}""", "4097 characters" },
        { "{\"sessionId\":\"SESSION\",\"clientMessageId\":\"m1\",\"text\":\"hi\"", "not valid JSON" },
        { "{\"sessionId\":\"SESSION\",\"clientMessageId\":\"m1\",\"text\":\"hi \\ud800 there\"}", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task Bad_posts_get_400_with_the_reason_and_store_nothing(string body, string reason)
    {
        body = body.Replace("SESSION", await StartSessionAsync(), StringComparison.Ordinal);
        using var response = await _host.Http.PostAsync($"{Api}/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task Posting_faster_than_the_per_address_limit_is_refused_with_429()
    {
        var session = await StartSessionAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await PostAsync(new { sessionId = session, clientMessageId = $"m{i}", text = "hi" });
            statuses.Add(response.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.Accepted).ShouldBe(5);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(5);
    }
}

public sealed class SqliteWebChatScenarios() : WebChatScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresWebChatScenarios() : WebChatScenarios(DatabaseProvider.Postgres);
