using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Platform.Messaging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Graph;

/// <summary>
/// The WhatsApp Cloud API over Graph (typed HttpClient): send messages, mark as read with a typing indicator, fetch
/// media. Refusals throw <see cref="GraphApiException"/> with Meta's code; network failures surface as
/// <see cref="HttpRequestException"/> or a timeout (<see cref="TaskCanceledException"/>).
/// </summary>
public sealed class WhatsAppGraphClient(HttpClient http, IOptionsMonitor<WhatsAppOptions> options)
{
    private string BaseUrl => options.CurrentValue.GraphBaseUrl.TrimEnd('/');

    /// <summary>Sends <paramref name="content"/> to <paramref name="to"/> right away; returns the wamid. Flows use the outbox instead.</summary>
    public Task<string> SendAsync(
        string phoneNumberId, string accessToken, string to, OutboundContent content, string? bizOpaqueCallbackData, CancellationToken cancellationToken)
    {
        content.EnsureValid();
        var recipient = WhatsAppId.Normalize(to) ?? throw new ArgumentException($"'{to}' is not a WhatsApp id (international number digits).", nameof(to));
        return SendRawAsync(phoneNumberId, accessToken, content.ToGraphRequest(recipient, bizOpaqueCallbackData).ToJsonString(), cancellationToken);
    }

    /// <summary>Posts an already-built Graph request body (as stored in the outbox); returns the wamid Meta assigned.</summary>
    public async Task<string> SendRawAsync(string phoneNumberId, string accessToken, string requestJson, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(phoneNumberId, accessToken, requestJson, cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        var wamid = body?["messages"]?[0]?["id"]?.GetValue<string>();
        return wamid ?? throw new GraphApiException((int)response.StatusCode, null, "The Graph API accepted the message but returned no message id.");
    }

    /// <summary>
    /// Marks a customer's message as read (blue ticks) and, optionally, shows "typing…" until the reply arrives or 25 s
    /// pass: it covers the agent's thinking time.
    /// </summary>
    public async Task MarkReadAsync(string phoneNumberId, string accessToken, string messageId, bool showTyping, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = messageId };
        if (showTyping)
        {
            request["typing_indicator"] = new JsonObject { ["type"] = "text" };
        }

        using var response = await PostAsync(phoneNumberId, accessToken, request.ToJsonString(), cancellationToken);
        await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>Step one of a media fetch: <c>GET /{media-id}</c> for the short-lived download URL.</summary>
    public async Task<MediaInfo> GetMediaAsync(string mediaId, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{BaseUrl}/{Uri.EscapeDataString(mediaId)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        var url = body?["url"]?.GetValue<string>()
            ?? throw new GraphApiException((int)response.StatusCode, null, $"The Graph API returned no URL for media {mediaId}.");
        return new MediaInfo(
            body["id"]?.GetValue<string>() ?? mediaId,
            url,
            body["mime_type"]?.GetValue<string>(),
            body["sha256"]?.GetValue<string>(),
            ReadLong(body["file_size"]));
    }

    /// <summary>
    /// Step two: downloads the URL with the bearer token, refusing files over <see cref="MediaLimits"/> for their type
    /// (checked against the declared size, the Content-Length and the bytes actually read) and checking the hash.
    /// </summary>
    public async Task<MediaContent> DownloadMediaAsync(MediaInfo media, string accessToken, CancellationToken cancellationToken)
    {
        var limit = MediaLimits.For(media.MimeType);
        if (media.FileSize > limit)
        {
            throw new MediaTooLargeException(media.Id, media.MimeType, limit);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, media.Url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await ReadJsonAsync(response, cancellationToken); // throws with Meta's error
        }

        if (response.Content.Headers.ContentLength > limit)
        {
            throw new MediaTooLargeException(media.Id, media.MimeType, limit);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new MediaTooLargeException(media.Id, media.MimeType, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        if (!HashMatches(media.Sha256, bytes))
        {
            throw new InvalidDataException($"Media {media.Id} does not match the SHA-256 Meta gave for it.");
        }

        return new MediaContent(media.Id, media.MimeType ?? response.Content.Headers.ContentType?.MediaType, bytes);
    }

    /// <summary>Both steps: look the media id up, then download it.</summary>
    public async Task<MediaContent> FetchMediaAsync(string mediaId, string accessToken, CancellationToken cancellationToken) =>
        await DownloadMediaAsync(await GetMediaAsync(mediaId, accessToken, cancellationToken), accessToken, cancellationToken);

    /// <summary>Pages of templates Meta's listing may return before this stops (100 each: far beyond any small business).</summary>
    public const int MaxTemplatePages = 20;

    /// <summary>
    /// <c>GET /{waba-id}/message_templates</c>, following <c>paging.next</c>: every template of the account, one per
    /// language, with its body text and parameter count.
    /// </summary>
    public async Task<IReadOnlyList<RemoteTemplate>> ListTemplatesAsync(string businessAccountId, string accessToken, CancellationToken cancellationToken)
    {
        var templates = new List<RemoteTemplate>();
        string? url = $"{BaseUrl}/{Uri.EscapeDataString(businessAccountId)}/message_templates?fields=id,name,language,status,category,components,rejected_reason&limit=100";
        for (var page = 0; url is not null && page < MaxTemplatePages; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await ReadJsonAsync(response, cancellationToken);
            foreach (var item in body?["data"]?.AsArray() ?? [])
            {
                if (item is JsonObject template && template["name"]?.GetValue<string>() is { } name && template["language"]?.GetValue<string>() is { } language)
                {
                    var text = template["components"]?.AsArray().OfType<JsonObject>()
                        .FirstOrDefault(c => string.Equals(c["type"]?.GetValue<string>(), "BODY", StringComparison.OrdinalIgnoreCase))?["text"]?.GetValue<string>() ?? "";
                    var reason = template["rejected_reason"]?.GetValue<string>();
                    templates.Add(new RemoteTemplate(
                        template["id"]?.GetValue<string>() ?? "", name, language, template["category"]?.GetValue<string>() ?? "",
                        template["status"]?.GetValue<string>() ?? "", reason is null or "NONE" ? null : reason, text, TemplateParameters.Count(text)));
                }
            }

            // Only Meta's own next page is followed, so a hostile "next" cannot send the token elsewhere.
            url = body?["paging"]?["next"]?.GetValue<string>() is { } next && next.StartsWith(BaseUrl + "/", StringComparison.Ordinal) ? next : null;
        }

        return templates;
    }

    private async Task<HttpResponseMessage> PostAsync(string phoneNumberId, string accessToken, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/{Uri.EscapeDataString(phoneNumberId)}/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>The response body as JSON; throws <see cref="GraphApiException"/> for an error status.</summary>
    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? body = null;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML error page): reported below with the status.
        }

        if (response.IsSuccessStatusCode && body?["error"] is null)
        {
            return body;
        }

        var status = (int)response.StatusCode;
        if (body?["error"] is JsonObject error)
        {
            throw new GraphApiException(
                status,
                (int?)ReadLong(error["code"]),
                error["error_user_title"]?.GetValue<string>() ?? error["message"]?.GetValue<string>(),
                error["error_data"]?["details"]?.GetValue<string>() ?? error["error_user_msg"]?.GetValue<string>(),
                (int?)ReadLong(error["error_subcode"]),
                error["fbtrace_id"]?.GetValue<string>());
        }

        throw new GraphApiException(status, null, $"HTTP {status} {response.ReasonPhrase}: {(text.Length > 200 ? text[..200] : text)}");
    }

    private static long? ReadLong(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<long>(),
        JsonValueKind.String => long.TryParse(node.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null,
        _ => null,
    };

    /// <summary>Meta gives the hash as hex (media lookup) or base64 (webhooks); an unrecognised form is not held against the file.</summary>
    private static bool HashMatches(string? expected, byte[] bytes)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            return true;
        }

        var actual = SHA256.HashData(bytes);
        if (expected.Length == 64 && expected.All(char.IsAsciiHexDigit))
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(expected), actual);
        }

        var decoded = new byte[48];
        return !Convert.TryFromBase64String(expected, decoded, out var length) || length != 32
            || CryptographicOperations.FixedTimeEquals(decoded.AsSpan(0, length), actual);
    }
}
