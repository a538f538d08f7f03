using System.Text;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using HaloAgent.Channels.Webhooks;
using Microsoft.AspNetCore.WebUtilities;

namespace HaloAgent.Channels.Inbox;

/// <summary>
/// What the admin sees of a dead letter's body: its structure and the values that explain it (ids, types, numbers'
/// lengths), never a customer's words, name or phone number. Every string value outside a short list of structural
/// keys is replaced by its length; a body that is not readable JSON or form data shows only its size.
/// </summary>
internal static class DeadLetterExcerpt
{
    public const int MaxLength = 2000;

    /// <summary>Keys whose values describe the envelope, not the person (Meta's JSON and Twilio's form).</summary>
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "object", "field", "messaging_product", "phone_number_id", "id", "type", "timestamp", "status", "mime_type", "voice",
        "clientMessageId", "businessId", "receivedAt",
        "MessageSid", "SmsMessageSid", "AccountSid", "MessagingServiceSid", "NumMedia", "NumSegments", "MessageType", "SmsStatus", "ApiVersion",
        "MediaContentType0",
    };

    public static string Of(string provider, byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        if (!Utf8.IsValid(body))
        {
            return $"({body.Length} bytes, not valid UTF-8)";
        }

        try
        {
            return Cut(provider == WebhookProviders.Twilio ? Form(body) : Json(body));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or InvalidDataException or FormatException)
        {
            return $"({body.Length} bytes, unreadable {(provider == WebhookProviders.Twilio ? "form" : "JSON")})";
        }
    }

    private static string Json(byte[] body)
    {
        var node = JsonNode.Parse(body, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
        // Relaxed: the excerpt is text for a person (the API encodes it again), so « and accents stay readable.
        return Redact(node, null)?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
    }

    private static JsonNode? Redact(JsonNode? node, string? key)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = Redact(value, name);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(item => Redact(item, key)).ToArray());
            case JsonValue value when value.TryGetValue<string>(out var text):
                return key is not null && Structural.Contains(key) ? Short(text) : Hidden(text);
            case JsonValue value:
                // Numbers can be phone numbers too; booleans and nulls say nothing personal.
                return key is not null && Structural.Contains(key) ? value.DeepClone() : value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? Hidden(value.ToJsonString()) : value.DeepClone();
            default:
                return null;
        }
    }

    private static string Form(byte[] body)
    {
        var form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        return string.Join('&', form.Select(p => $"{p.Key}={(Structural.Contains(p.Key) ? Short(p.Value.ToString()) : Hidden(p.Value.ToString()))}"));
    }

    private static string Hidden(string text) => $"«{text.Length} chars»";

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
