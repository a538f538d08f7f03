using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Twilio;

/// <summary>
/// Twilio's Messages API (typed HttpClient): <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form-encoded,
/// HTTP Basic with the account SID and auth token. WhatsApp numbers carry the <c>whatsapp:</c> prefix.
/// </summary>
public sealed class TwilioRestClient(HttpClient http, IOptionsMonitor<TwilioOptions> options)
{
    /// <summary>Twilio's limit for one message body.</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>Sends a WhatsApp message from the business's Twilio number; returns the message SID.</summary>
    public async Task<string> SendWhatsAppAsync(string from, string to, string body, string? mediaUrl, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrEmpty(settings.AccountSid) || string.IsNullOrEmpty(settings.AuthToken))
        {
            throw new TwilioApiException(0, null, "Twilio:AccountSid and Twilio:AuthToken must be set to send over Twilio.");
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("From", Prefixed(from)),
            new("To", Prefixed(to)),
            new("Body", body.Length <= MaxBodyLength ? body : body[..(MaxBodyLength - 1)] + "…"),
        };
        if (mediaUrl is not null)
        {
            form.Add(new("MediaUrl", mediaUrl));
        }

        var url = $"{settings.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        try
        {
            json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // A proxy's error page: reported below with the status.
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new TwilioApiException(
                (int)response.StatusCode,
                json?["code"]?.GetValueKind() == JsonValueKind.Number ? json["code"]!.GetValue<int>() : null,
                json?["message"]?.GetValue<string>() ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
                json?["more_info"]?.GetValue<string>());
        }

        return json?["sid"]?.GetValue<string>()
            ?? throw new TwilioApiException((int)response.StatusCode, null, "Twilio accepted the message but returned no SID.");
    }

    private static string Prefixed(string number)
    {
        var trimmed = number.Trim();
        if (trimmed.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }

        return "whatsapp:" + (trimmed.StartsWith('+') ? trimmed : "+" + trimmed);
    }
}
