using System.Security.Cryptography;
using System.Text;

namespace HaloAgent.Testing.FakeGraph;

/// <summary>Builds Twilio WhatsApp webhooks (form fields) and signs them like Twilio: Base64(HMAC-SHA1(auth token, URL + sorted key+value pairs)).</summary>
public static class TwilioWebhookBuilder
{
    /// <summary>The form Twilio posts for a text message from <paramref name="from"/> (digits, e.g. 2348030000001) to the business number <paramref name="to"/> (+234…).</summary>
    public static Dictionary<string, string> Text(string from, string to, string body, string? profileName = "Customer", string? messageSid = null) =>
        new(StringComparer.Ordinal)
        {
            ["SmsMessageSid"] = messageSid ??= NewMessageSid(),
            ["MessageSid"] = messageSid,
            ["AccountSid"] = "AC00000000000000000000000000000000",
            ["MessagingServiceSid"] = "MG00000000000000000000000000000000",
            ["From"] = "whatsapp:+" + from,
            ["To"] = "whatsapp:" + to,
            ["Body"] = body,
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["ProfileName"] = profileName ?? "",
            ["WaId"] = from,
            ["SmsStatus"] = "received",
            ["ApiVersion"] = "2010-04-01",
        };

    /// <summary>The same with one media attachment.</summary>
    public static Dictionary<string, string> Media(string from, string to, string mediaUrl, string contentType, string? caption = null, string? messageSid = null)
    {
        var form = Text(from, to, caption ?? "", messageSid: messageSid);
        form["NumMedia"] = "1";
        form["MediaUrl0"] = mediaUrl;
        form["MediaContentType0"] = contentType;
        return form;
    }

    public static string NewMessageSid() => "SM" + Guid.NewGuid().ToString("N");

    public static string Signature(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>A form-encoded POST to <paramref name="url"/>, signed for exactly that URL.</summary>
    public static HttpRequestMessage ToRequest(string url, string authToken, IReadOnlyDictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("X-Twilio-Signature", Signature(authToken, url, form));
        return request;
    }
}
