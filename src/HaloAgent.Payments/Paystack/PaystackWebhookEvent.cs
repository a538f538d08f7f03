using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloAgent.Payments.Paystack;

/// <summary>
/// A Paystack webhook, e.g. <c>{"event":"charge.success","data":{"id","reference","amount","currency","status",
/// "paid_at","customer":{"email"},"metadata"}}</c>. Check <see cref="PaystackSignature"/> on the raw bytes first; then
/// dedupe on <see cref="DedupeKey"/> (Paystack retries until it gets a 200) and verify the reference before trusting
/// the amount. An unknown currency or reference parses fine: what to do with it is the caller's business.
/// </summary>
public sealed record PaystackWebhookEvent(
    string Event,
    long? TransactionId,
    string? Reference,
    long? AmountKobo,
    string? Currency,
    string? Status,
    DateTimeOffset? PaidAt,
    string? CustomerEmail,
    IReadOnlyDictionary<string, string> Metadata)
{
    public const string ChargeSuccess = "charge.success";

    public bool IsChargeSuccess => string.Equals(Event, ChargeSuccess, StringComparison.Ordinal);

    /// <summary>
    /// Stable across redeliveries of the same event: the event name with Paystack's transaction id (or the reference
    /// when there is no id).
    /// </summary>
    public string DedupeKey => $"{Event}:{(TransactionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Reference ?? "")}";

    /// <summary>
    /// Parses a webhook body. Throws <see cref="PaystackWebhookFormatException"/> for bytes that are not UTF-8, malformed
    /// JSON, a missing event or data object, and for a <c>charge.*</c> event without a reference, amount or currency.
    /// </summary>
    public static PaystackWebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        // The JSON reader does not validate the bytes inside strings: an invalid sequence surfaced later, when a value
        // was read, as an InvalidOperationException (a 500 for a signed but damaged body).
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw new PaystackWebhookFormatException("The Paystack webhook body is not valid UTF-8.");
        }

        JsonNode? root;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            root = JsonNode.Parse(ref reader);
        }
        catch (JsonException e)
        {
            throw new PaystackWebhookFormatException($"The Paystack webhook body is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject envelope)
        {
            throw new PaystackWebhookFormatException("The Paystack webhook body is not a JSON object.");
        }

        var name = envelope["event"]?.GetValueKind() == JsonValueKind.String ? envelope["event"]!.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new PaystackWebhookFormatException("The Paystack webhook has no \"event\" name.");
        }

        if (envelope["data"] is not JsonObject data)
        {
            throw new PaystackWebhookFormatException($"The Paystack webhook '{name}' has no \"data\" object.");
        }

        try
        {
            var isCharge = name.StartsWith("charge.", StringComparison.Ordinal);
            var reference = PaystackJson.String(data["reference"], "reference");
            var amount = PaystackJson.Long(data["amount"], "amount", required: isCharge);
            var currency = PaystackJson.String(data["currency"], "currency");
            if (isCharge && string.IsNullOrWhiteSpace(reference))
            {
                throw new FormatException("data.reference is missing.");
            }

            if (isCharge && string.IsNullOrWhiteSpace(currency))
            {
                throw new FormatException("data.currency is missing.");
            }

            return new PaystackWebhookEvent(
                name,
                PaystackJson.Long(data["id"], "id", required: false),
                reference,
                amount,
                currency,
                PaystackJson.String(data["status"], "status"),
                PaystackJson.Timestamp(data["paid_at"] ?? data["paidAt"], "paid_at"),
                PaystackJson.String((data["customer"] as JsonObject)?["email"], "customer.email"),
                PaystackJson.Metadata(data["metadata"]));
        }
        catch (FormatException e) when (e is not PaystackWebhookFormatException)
        {
            throw new PaystackWebhookFormatException($"The Paystack webhook '{name}' is malformed: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // A value of an unexpected JSON type that slipped past the checks above.
            throw new PaystackWebhookFormatException($"The Paystack webhook '{name}' is malformed: {e.Message}", e);
        }
    }
}
