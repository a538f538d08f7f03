using HaloAgent.Platform.Messaging;
using System.Security.Cryptography;
using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Channels.Tests;

/// <summary>The Graph API client against the fake Graph server: sends, read receipts, the two-step media fetch.</summary>
public sealed class GraphClientTests : IAsyncLifetime
{
    private const string Phone = "100000000000001";
    private FakeGraphServer _graph = null!;
    private HttpClient _http = null!;
    private WhatsAppGraphClient _client = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _http = new HttpClient();
        _client = new WhatsAppGraphClient(_http, new FixedOptions<WhatsAppOptions>(new WhatsAppOptions { GraphBaseUrl = _graph.BaseUrl }));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Media_is_fetched_in_two_steps_with_the_bearer_token()
    {
        var photo = RandomNumberGenerator.GetBytes(200_000);
        var mediaId = _graph.AddMedia(photo, "image/jpeg");

        var info = await _client.GetMediaAsync(mediaId, _graph.AccessToken, CancellationToken.None);
        info.Url.ShouldStartWith(_graph.Url + "/media-download/");
        info.MimeType.ShouldBe("image/jpeg");
        info.FileSize.ShouldBe(200_000);
        _graph.MediaDownloads.ShouldBe(0); // the lookup does not download

        var media = await _client.DownloadMediaAsync(info, _graph.AccessToken, CancellationToken.None);
        media.Bytes.ShouldBe(photo);
        media.MimeType.ShouldBe("image/jpeg");
        _graph.MediaDownloads.ShouldBe(1);
    }

    [Fact]
    public async Task The_download_url_needs_the_bearer_token_too()
    {
        var mediaId = _graph.AddMedia([1, 2, 3], "audio/ogg");
        var info = await _client.GetMediaAsync(mediaId, _graph.AccessToken, CancellationToken.None);

        var error = await Should.ThrowAsync<GraphApiException>(() => _client.DownloadMediaAsync(info, "wrong-token", CancellationToken.None));

        error.HttpStatus.ShouldBe(401);
        _graph.MediaDownloads.ShouldBe(0);
    }

    [Fact]
    public async Task A_wrong_token_on_the_lookup_is_metas_error_190()
    {
        var mediaId = _graph.AddMedia([1], "image/png");

        var error = await Should.ThrowAsync<GraphApiException>(() => _client.FetchMediaAsync(mediaId, "expired", CancellationToken.None));

        error.Code.ShouldBe(190);
        error.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_media_id_is_a_graph_error()
    {
        var error = await Should.ThrowAsync<GraphApiException>(() => _client.FetchMediaAsync("999", _graph.AccessToken, CancellationToken.None));

        error.Code.ShouldBe(100);
    }

    [Fact]
    public async Task An_image_over_5_MB_is_refused_without_downloading_it()
    {
        var mediaId = _graph.AddMedia(new byte[5 * 1024 * 1024 + 1], "image/jpeg");

        await Should.ThrowAsync<MediaTooLargeException>(() => _client.FetchMediaAsync(mediaId, _graph.AccessToken, CancellationToken.None));

        _graph.MediaDownloads.ShouldBe(0);
    }

    [Fact]
    public async Task Audio_may_be_up_to_16_MB_but_not_more()
    {
        var voice = _graph.AddMedia(new byte[6 * 1024 * 1024], "audio/ogg");
        var tooLong = _graph.AddMedia(new byte[16 * 1024 * 1024 + 1], "audio/mpeg");

        (await _client.FetchMediaAsync(voice, _graph.AccessToken, CancellationToken.None)).Bytes.Length.ShouldBe(6 * 1024 * 1024);
        await Should.ThrowAsync<MediaTooLargeException>(() => _client.FetchMediaAsync(tooLong, _graph.AccessToken, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_larger_than_declared_is_stopped_at_the_limit_while_downloading()
    {
        var mediaId = _graph.AddMedia(new byte[5 * 1024 * 1024 + 10], "image/jpeg");
        var info = await _client.GetMediaAsync(mediaId, _graph.AccessToken, CancellationToken.None);

        await Should.ThrowAsync<MediaTooLargeException>(() => _client.DownloadMediaAsync(info with { FileSize = 100 }, _graph.AccessToken, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_does_not_match_its_hash_is_refused()
    {
        var mediaId = _graph.AddMedia([1, 2, 3, 4], "image/jpeg");
        var info = await _client.GetMediaAsync(mediaId, _graph.AccessToken, CancellationToken.None);

        await Should.ThrowAsync<InvalidDataException>(() => _client.DownloadMediaAsync(
            info with { Sha256 = Convert.ToHexStringLower(SHA256.HashData([9])) }, _graph.AccessToken, CancellationToken.None));
        (await _client.DownloadMediaAsync(info with { Sha256 = Convert.ToBase64String(SHA256.HashData([1, 2, 3, 4])) }, _graph.AccessToken, CancellationToken.None))
            .Bytes.ShouldBe([1, 2, 3, 4]); // base64, as webhooks give it, is understood too
    }

    [Fact]
    public async Task Mark_as_read_sends_the_read_status_with_a_typing_indicator()
    {
        await _client.MarkReadAsync(Phone, _graph.AccessToken, "wamid.IN-1", showTyping: true, CancellationToken.None);

        var receipt = _graph.ReadReceipts.ShouldHaveSingleItem();
        receipt.PhoneNumberId.ShouldBe(Phone);
        receipt.Body.ToJsonString().ShouldBe("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.IN-1","typing_indicator":{"type":"text"}}""");
        _graph.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_direct_send_returns_the_wamid_and_a_refusal_carries_metas_error()
    {
        var wamid = await _client.SendAsync(Phone, _graph.AccessToken, "+2348030000001", new TextContent("hi"), null, CancellationToken.None);
        wamid.ShouldBe(_graph.Sent.Single().Wamid);

        _graph.FailNext(1, FakeGraphError.OutsideWindow);
        var error = await Should.ThrowAsync<GraphApiException>(() =>
            _client.SendAsync(Phone, _graph.AccessToken, "2348030000001", new TextContent("hi"), null, CancellationToken.None));
        error.HttpStatus.ShouldBe(400);
        error.Code.ShouldBe(131047);
        error.Subcode.ShouldBe(2494010);
        error.Title.ShouldBe("(#131047) Re-engagement message");
        error.Details.ShouldNotBeNull().ShouldContain("24 hours");
        error.FbTraceId.ShouldNotBeNullOrEmpty();
        error.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task A_network_failure_surfaces_as_an_http_request_exception()
    {
        var client = new WhatsAppGraphClient(_http, new FixedOptions<WhatsAppOptions>(new WhatsAppOptions { GraphBaseUrl = $"http://127.0.0.1:{HaloAgent.Testing.FreePort.Next()}/v21.0" }));

        await Should.ThrowAsync<HttpRequestException>(() => client.SendRawAsync(Phone, "t", "{}", CancellationToken.None));
    }

    [Theory]
    [InlineData(500, null, true)]
    [InlineData(503, 131000, true)]
    [InlineData(400, 130429, true)]
    [InlineData(400, 131056, true)]
    [InlineData(429, null, true)]
    [InlineData(400, 131047, false)]
    [InlineData(400, 131026, false)]
    [InlineData(400, 131050, false)]
    [InlineData(401, 190, false)]
    [InlineData(500, 190, false)]
    [InlineData(400, 132000, false)]
    [InlineData(400, 100, false)]
    public void Transient_and_permanent_errors_are_told_apart(int status, int? code, bool transient)
    {
        MetaErrors.IsTransient(code, status).ShouldBe(transient);
    }
}
