using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloAgent.Payments.Paystack;

/// <summary>Reads Paystack's transaction object (the same shape in verify answers and in <c>charge.*</c> webhooks).</summary>
internal static class PaystackJson
{
    /// <summary>Throws <see cref="FormatException"/> naming the field that is missing or of the wrong type.</summary>
    public static PaystackTransaction ReadTransaction(JsonObject data) =>
        new(
            Long(data["id"], "id", required: false),
            String(data["reference"], "reference") ?? throw new FormatException("data.reference is missing."),
            String(data["status"], "status") ?? throw new FormatException("data.status is missing."),
            Long(data["amount"], "amount", required: true)!.Value,
            String(data["currency"], "currency") ?? throw new FormatException("data.currency is missing."),
            Timestamp(data["paid_at"] ?? data["paidAt"], "paid_at"),
            String((data["customer"] as JsonObject)?["email"], "customer.email"),
            String(data["gateway_response"], "gateway_response"),
            String(data["channel"], "channel"));

    public static string? String(JsonNode? node, string name) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        var kind => throw new FormatException($"data.{name} should be a string, not {kind}."),
    };

    /// <summary>Paystack sends numbers, but a string of digits is accepted too (amounts are never fractional kobo).</summary>
    public static long? Long(JsonNode? node, string name, bool required)
    {
        switch (node?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                return required ? throw new FormatException($"data.{name} is missing.") : null;
            case JsonValueKind.Number when node.AsValue().TryGetValue<long>(out var number):
                return number;
            case JsonValueKind.String when long.TryParse(node.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new FormatException($"data.{name} should be a whole number, not {node.ToJsonString()}.");
        }
    }

    public static DateTimeOffset? Timestamp(JsonNode? node, string name)
    {
        var text = String(node, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new FormatException($"data.{name} is not a timestamp: '{text}'.");
    }

    /// <summary>Top-level metadata values as strings (nested objects and arrays as JSON); Paystack may send "" or null for none.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(JsonNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var metadata = node as JsonObject;
        if (node?.GetValueKind() == JsonValueKind.String)
        {
            // Some integrations store metadata as a JSON string.
            try
            {
                metadata = JsonNode.Parse(node.GetValue<string>()) as JsonObject;
            }
            catch (JsonException)
            {
                metadata = null;
            }
        }

        if (metadata is null)
        {
            return result;
        }

        foreach (var (key, value) in metadata)
        {
            if (value is null)
            {
                continue;
            }

            result[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        return result;
    }
}
