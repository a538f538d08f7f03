using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Channels.History;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Channels.WebChat;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Channels.Tests;

/// <summary>
/// Pictures on the web chat page (a receipt screenshot): an upload reaches the agent as an image message whose media id
/// reads the stored bytes back, shows in the visitor's transcript and only there, and anything that is not a picture
/// or is too large is refused with the reason, storing nothing.
/// </summary>
public abstract class WebChatImageScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Api = $"/api/webchat/{ChannelsHost.Slug}";
    private const int MaxImageBytes = 64 * 1024;

    /// <summary>A real 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private ChannelsHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider), settings: new Dictionary<string, string?>
        {
            ["HaloAgent:Channels:WebChat:MessagesPerMinute"] = "5",
            ["HaloAgent:Channels:WebChat:MaxImageBytes"] = $"{MaxImageBytes}",
        });

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    private async Task<string> StartSessionAsync()
    {
        using var response = await _host.Http.PostAsync($"{Api}/sessions", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["sessionId"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> UploadAsync(string? session, string clientMessageId, byte[] bytes, string contentType = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return _host.Http.PostAsync($"{Api}/images?sessionId={Uri.EscapeDataString(session ?? "")}&clientMessageId={Uri.EscapeDataString(clientMessageId)}", content);
    }

    private string KeyOf(string token) => _host.Services.GetRequiredService<WebChatSessions>().Check(ChannelsHost.BusinessId, token).Key!;

    [Fact]
    public async Task An_uploaded_picture_reaches_the_agent_once_as_an_image_whose_media_id_reads_it_back()
    {
        var session = await StartSessionAsync();
        using (var first = await UploadAsync(session, "r1", Png, "application/octet-stream"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        }

        // A flaky connection re-sends the same upload: one message, one picture.
        using (var again = await UploadAsync(session, "r1", Png))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await _host.ProcessAsync();

        var message = _host.Handler.Messages.ShouldHaveSingleItem();
        var expectedId = $"web.{KeyOf(session)}.r1";
        message.Channel.ShouldBe(ChannelKind.WebChat);
        message.Type.ShouldBe(InboundMessageType.Image, "the same kind as a WhatsApp image, so the receipt step takes it");
        message.ProviderType.ShouldBe("image");
        message.ExternalId.ShouldBe(expectedId);
        message.Media.ShouldNotBeNull();
        message.Media.Id.ShouldBe(expectedId);
        message.Media.MimeType.ShouldBe("image/png", "sniffed from the bytes, not the browser's content type");

        var stored = await _host.Services.GetRequiredService<WebChatImages>().FindAsync(ChannelsHost.BusinessId, message.Media.Id!, CancellationToken.None);
        stored.ShouldNotBeNull();
        stored.Data.ShouldBe(Png);
        (await _host.CountAsync("webchat_images")).ShouldBe(1);
        (await _host.Services.GetRequiredService<WebChatImages>().FindAsync("another-business", expectedId, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task The_picture_shows_in_the_visitors_transcript_and_no_one_elses()
    {
        var session = await StartSessionAsync();
        using (await UploadAsync(session, "r1", Png))
        {
        }

        await _host.ProcessAsync();
        var transcript = (await _host.Http.GetFromJsonAsync<JsonObject>($"{Api}/messages?sessionId={session}"))!;
        var entry = transcript["messages"]!.AsArray().ShouldHaveSingleItem()!;
        entry["direction"]!.GetValue<string>().ShouldBe(ConversationEntry.Inbound);
        entry["type"]!.GetValue<string>().ShouldBe("image");
        var id = entry["image"]!["id"]!.GetValue<string>();
        entry["image"]!["mimeType"]!.GetValue<string>().ShouldBe("image/png");

        using (var image = await _host.Http.GetAsync($"{Api}/images/{Uri.EscapeDataString(id)}?sessionId={session}"))
        {
            image.StatusCode.ShouldBe(HttpStatusCode.OK);
            image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            (await image.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
        }

        var other = await StartSessionAsync();
        using (var stranger = await _host.Http.GetAsync($"{Api}/images/{Uri.EscapeDataString(id)}?sessionId={other}"))
        {
            stranger.StatusCode.ShouldBe(HttpStatusCode.NotFound, "another visitor cannot read the picture");
        }

        using var anonymous = await _host.Http.GetAsync($"{Api}/images/{Uri.EscapeDataString(id)}");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>Uploads that are wrong in one way each: status and what the visitor is told.</summary>
    public static TheoryData<string, HttpStatusCode, string> BadUploads => new()
    {
        { "too-large", HttpStatusCode.RequestEntityTooLarge, "at most 64 KB" },
        { "text", HttpStatusCode.UnsupportedMediaType, "not a picture" },
        { "html", HttpStatusCode.UnsupportedMediaType, "not a picture" },
        { "svg", HttpStatusCode.UnsupportedMediaType, "not a picture" },
        { "truncated-png", HttpStatusCode.UnsupportedMediaType, "not a picture" },
        { "random", HttpStatusCode.UnsupportedMediaType, "not a picture" },
        { "empty", HttpStatusCode.BadRequest, "empty" },
        { "bad-client-id", HttpStatusCode.BadRequest, "clientMessageId" },
        { "no-session", HttpStatusCode.BadRequest, "sessionId is missing" },
        { "forged-session", HttpStatusCode.Unauthorized, "not a session this server issued" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Bad_uploads_are_refused_with_the_reason_and_store_nothing(string kind, HttpStatusCode status, string reason)
    {
        var session = await StartSessionAsync();
        var random = new byte[4096];
        new Random(19).NextBytes(random);
        random[0] = 0x00; // not by chance a JPEG's first byte
        byte[] body = kind switch
        {
            "too-large" => [.. Png, .. new byte[MaxImageBytes]],
            "text" => "I don pay"u8.ToArray(),
            "html" => "<html><script>alert(1)</script></html>"u8.ToArray(),
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            "truncated-png" => Png[..6],
            "random" => random,
            "empty" => [],
            _ => Png,
        };
        var clientId = kind == "bad-client-id" ? "has spaces" : "r1";
        var token = kind switch { "no-session" => null, "forged-session" => session[..^4] + "AAAA", _ => session };

        using var response = await UploadAsync(token, clientId, body, kind == "svg" ? "image/svg+xml" : "image/png");

        response.StatusCode.ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
        (await _host.CountAsync("webchat_images")).ShouldBe(0);
    }

    [Fact]
    public async Task A_typed_post_cannot_name_a_picture()
    {
        var session = await StartSessionAsync();
        using var response = await _host.Http.PostAsJsonAsync($"{Api}/messages", new
        {
            sessionId = session,
            clientMessageId = "m1",
            text = "here",
            image = new { id = "web.someone-elses-session-key.r1", mimeType = "image/png", sizeBytes = 10 },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("/images");
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task Uploads_and_typed_messages_share_the_per_address_limit()
    {
        var session = await StartSessionAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var text = await _host.Http.PostAsJsonAsync($"{Api}/messages", new { sessionId = session, clientMessageId = $"m{i}", text = "hi" });
            statuses.Add(text.StatusCode);
            using var image = await UploadAsync(session, $"r{i}", Png);
            statuses.Add(image.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.Accepted).ShouldBe(5);
        statuses.Last().ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Purging_a_conversation_deletes_its_pictures()
    {
        var session = await StartSessionAsync();
        using (await UploadAsync(session, "r1", Png))
        {
        }

        await _host.ProcessAsync();
        await _host.Services.GetRequiredService<ConversationPurge>().PurgeAsync(ChannelsHost.BusinessId, WebChatSession.ContactKey(KeyOf(session)), CancellationToken.None);

        (await _host.CountAsync("webchat_images")).ShouldBe(0);
    }
}

public sealed class SqliteWebChatImageScenarios() : WebChatImageScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresWebChatImageScenarios() : WebChatImageScenarios(DatabaseProvider.Postgres);
