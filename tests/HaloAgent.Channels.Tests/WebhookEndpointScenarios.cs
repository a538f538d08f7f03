using System.Net;
using System.Text;
using Dapper;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Channels.Tests;

/// <summary>GET/POST /webhooks/whatsapp over real HTTP, on each real database (subclasses at the end).</summary>
public abstract class WebhookEndpointScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Verification_handshake_answers_the_challenge_as_plain_text()
    {
        using var response = await _host.Http.GetAsync(
            $"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={ChannelsHost.VerifyToken}&hub.challenge=1158201444");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("1158201444");
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=test-verify-token&hub.challenge=42")]
    [InlineData("hub.verify_token=test-verify-token&hub.challenge=42")]
    [InlineData("hub.mode=subscribe&hub.challenge=42")]
    [InlineData("")]
    public async Task Verification_is_refused_without_the_right_mode_and_token(string query)
    {
        using var response = await _host.Http.GetAsync($"/webhooks/whatsapp?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("42");
    }

    [Fact]
    public async Task A_signed_webhook_is_stored_byte_for_byte_and_answered_200()
    {
        var webhook = new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "I wan buy jollof").Sign(ChannelsHost.AppSecret);

        using var response = await _host.PostAsync(webhook);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await _host.SqlAsync(c => c.QueryAsync<(string Provider, byte[] Body, string Status)>(
            "SELECT provider, body, status FROM webhook_inbox"))).ToList();
        var row = rows.ShouldHaveSingleItem();
        row.Provider.ShouldBe("whatsapp");
        row.Body.ShouldBe(webhook.Body);
        row.Status.ShouldBe("pending");
        _host.Handler.Calls.ShouldBe(0); // nothing processed on the request path
    }

    [Fact]
    public async Task A_wrong_signature_is_401_and_nothing_is_stored()
    {
        var body = new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hi").BuildBytes();
        var signedWithOtherSecret = WhatsAppWebhookBuilder.Sign("not-the-app-secret", body);

        using var response = await _host.PostAsync(signedWithOtherSecret);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task A_tampered_body_is_401_and_nothing_is_stored()
    {
        var original = new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "1 plate").Sign(ChannelsHost.AppSecret);
        var tampered = original with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original.Body).Replace("1 plate", "9 plates")) };

        using var response = await _host.PostAsync(tampered);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("md5=0123456789abcdef0123456789abcdef")]
    public async Task A_missing_or_malformed_signature_is_401_and_nothing_is_stored(string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp")
        {
            Content = new ByteArrayContent(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hi").BuildBytes()),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", header);
        }

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_over_3_MB_is_413_and_nothing_is_stored()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}");

        using var response = await _host.PostAsync(WhatsAppWebhookBuilder.Sign(ChannelsHost.AppSecret, body));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task A_chunked_body_over_3_MB_without_a_length_is_also_413()
    {
        var body = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 3 * 1024 * 1024) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new StreamContent(new NonSeekableStream(body)) };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", WhatsAppWebhookBuilder.Signature(ChannelsHost.AppSecret, body));
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_of_exactly_3_MB_is_accepted()
    {
        var head = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");
        var body = new byte[3 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        head.CopyTo(body, 0);

        using var response = await _host.PostAsync(WhatsAppWebhookBuilder.Sign(ChannelsHost.AppSecret, body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(1);
    }

    [Fact]
    public async Task Malformed_json_with_a_valid_signature_is_stored_then_dead_lettered_with_the_parse_error()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":");

        using var response = await _host.PostAsync(WhatsAppWebhookBuilder.Sign(ChannelsHost.AppSecret, body));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _host.ProcessAsync()).ShouldBe(1);
        var row = await _host.SqlAsync(c => c.QuerySingleAsync<(string Status, string Error, byte[] Body, int Attempts)>(
            "SELECT status, error, body, attempts FROM webhook_inbox"));
        row.Status.ShouldBe("dead");
        row.Error.ShouldStartWith("Malformed JSON");
        row.Body.ShouldBe(body); // nothing lost: an operator can look at it
        row.Attempts.ShouldBe(1);
        _host.Handler.Calls.ShouldBe(0);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        (await _host.ProcessAsync()).ShouldBe(0); // a parse error is not retried
    }

    [Fact]
    public async Task The_app_secret_is_required_so_an_unconfigured_server_refuses_everything()
    {
        await using var unconfigured = await ChannelsHost.StartAsync(
            await DatabaseTarget.CreateAsync(DatabaseProvider.Sqlite), settings: new Dictionary<string, string?> { ["WhatsApp:AppSecret"] = "" });
        var webhook = WhatsAppWebhookBuilder.Sign("", new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hi").BuildBytes());

        using var response = await unconfigured.PostAsync(webhook);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unconfigured.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    /// <summary>Forces chunked transfer: HttpClient cannot learn its length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

public sealed class SqliteWebhookEndpointScenarios() : WebhookEndpointScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresWebhookEndpointScenarios() : WebhookEndpointScenarios(DatabaseProvider.Postgres);
