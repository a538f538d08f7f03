using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Channels.WebChat;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>
/// Web chat sessions are server-issued and signed per business: an id the visitor invents, one issued for another
/// business or an expired one is refused with nothing stored; reading a conversation is limited per address and per session.
/// </summary>
public abstract class WebChatSessionScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Api = $"/api/webchat/{ChannelsHost.Slug}";
    private const string OtherSlug = "suya-spot";
    private ChannelsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider), settings: new Dictionary<string, string?>
        {
            ["HaloAgent:Channels:WebChat:SessionReadsPerMinute"] = "3",
            ["HaloAgent:Channels:WebChat:ReadsPerMinute"] = "6",
            ["HaloAgent:Channels:WebChat:SessionLifetime"] = "30.00:00:00",
        });
        _host.Directory.Add(new ChannelBusiness("biz-suya-spot", "PNID-SUYA", "token-2") { Slug = OtherSlug, Name = "Suya Spot" });
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    private async Task<string> StartSessionAsync(string slug = ChannelsHost.Slug)
    {
        using var response = await _host.Http.PostAsync($"/api/webchat/{slug}/sessions", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["sessionId"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> PostAsync(string slug, string session, string text = "hello") =>
        _host.Http.PostAsJsonAsync($"/api/webchat/{slug}/messages", new { sessionId = session, clientMessageId = "m1", text });

    private Task<HttpResponseMessage> ReadAsync(string slug, string session) =>
        _host.Http.GetAsync($"/api/webchat/{slug}/messages?sessionId={Uri.EscapeDataString(session)}");

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAA")] // the id from the report: once accepted, and readable by whoever typed it
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-base64-!!")]
    public async Task A_session_id_the_visitor_invents_is_refused_and_nothing_is_stored(string invented)
    {
        using var post = await PostAsync(ChannelsHost.Slug, invented);
        post.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await post.Content.ReadAsStringAsync()).ShouldContain("not a session this server issued");

        using var read = await ReadAsync(ChannelsHost.Slug, invented);
        read.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
        await _host.ProcessAsync();
        _host.Handler.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_session_issued_for_one_business_is_refused_by_another()
    {
        var forMamaNkechi = await StartSessionAsync();

        using var post = await PostAsync(OtherSlug, forMamaNkechi);
        post.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var read = await ReadAsync(OtherSlug, forMamaNkechi);
        read.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);

        // On its own business it works.
        using var own = await PostAsync(ChannelsHost.Slug, forMamaNkechi);
        own.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(1);
    }

    [Fact]
    public async Task A_session_past_its_lifetime_is_refused_so_the_page_starts_a_new_one()
    {
        var session = await StartSessionAsync();
        _host.Clock.Advance(TimeSpan.FromDays(31));

        using var post = await PostAsync(ChannelsHost.Slug, session);

        post.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await post.Content.ReadAsStringAsync()).ShouldContain("expired");
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
        using var fresh = await PostAsync(ChannelsHost.Slug, await StartSessionAsync());
        fresh.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Reading_one_conversation_faster_than_its_limit_gets_429_with_retry_after()
    {
        var session = await StartSessionAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await ReadAsync(ChannelsHost.Slug, session);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
                (await response.Content.ReadAsStringAsync()).ShouldContain("Too many reads of this conversation");
            }
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);

        // Another session from the same address is not held back by the first one's limit.
        using var other = await ReadAsync(ChannelsHost.Slug, await StartSessionAsync());
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reading_from_one_address_faster_than_its_limit_gets_429_even_with_invented_sessions()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await ReadAsync(ChannelsHost.Slug, $"guess{i:D16}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter.ShouldNotBeNull();
            }
        }

        statuses.Take(6).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses[6].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_body_with_invalid_utf8_is_refused_with_400_not_a_server_error()
    {
        var session = await StartSessionAsync();
        var prefix = System.Text.Encoding.UTF8.GetBytes($$"""{"sessionId":"{{session}}","clientMessageId":"m1","text":"hi """);
        byte[] body = [.. prefix, 0xC3, 0x28, 0xFF, .. "\"}"u8];

        using var response = await _host.Http.PostAsync($"{Api}/messages", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("UTF-8");
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task The_studio_test_runs_sandbox_session_still_posts_through_the_inbox()
    {
        const string sandbox = "sandbox-0123456789abcdef01234567";
        var inbox = _host.Services.GetRequiredService<WebChatInbox>();

        var (id, problem) = await inbox.AddAsync(ChannelsHost.BusinessId, new WebChatPost { SessionId = sandbox, ClientMessageId = "t1", Text = "I want rice" }, CancellationToken.None);

        problem.ShouldBeNull();
        id.ShouldBe($"web.{sandbox}.t1");
        await _host.ProcessAsync();
        _host.Handler.Messages.ShouldHaveSingleItem().From.ShouldBe("web:" + sandbox);
    }
}

public sealed class SqliteWebChatSessionScenarios() : WebChatSessionScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresWebChatSessionScenarios() : WebChatSessionScenarios(DatabaseProvider.Postgres);
