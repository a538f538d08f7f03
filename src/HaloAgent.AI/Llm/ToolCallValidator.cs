using System.Text.Json;
using HaloAgent.AI.Rules;
using Microsoft.Extensions.Logging;
using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Llm;

/// <summary>
/// Checks every tool call the model makes against the tool contracts and the caller's catalog. The model only
/// proposes; anything outside the contract is refused and logged, and a price can never come from it.
/// </summary>
internal sealed class ToolCallValidator(IReadOnlyList<CatalogEntry> catalog, ILogger logger)
{
    private const int MaxItems = 20;
    private const int MaxUnknownProducts = 5;
    private const int MaxProductNameLength = 60;

    /// <summary>Argument names that would carry money. Prices come from the catalog only, so any of them taints the call.</summary>
    private static readonly string[] MoneyWords = ["price", "amount", "total", "cost", "kobo", "naira", "discount", "fee", "subtotal", "pay"];

    private readonly Dictionary<string, string> skus = catalog
        .Where(e => e is not null && !string.IsNullOrWhiteSpace(e.Sku))
        .GroupBy(e => e.Sku.Trim(), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Sku, StringComparer.OrdinalIgnoreCase);

    public ToolCallOutcome Validate(IEnumerable<ProposedToolCall> calls)
    {
        var outcome = new ToolCallOutcome();
        foreach (var call in calls)
        {
            var accepted = Validate(call, outcome);
            if (accepted)
            {
                outcome.Accepted++;
            }
            else
            {
                outcome.Refused++;
            }
        }

        return outcome;
    }

    private bool Validate(ProposedToolCall call, ToolCallOutcome outcome)
    {
        if (call.Name is not (ChatTools.ReportIntent or ChatTools.SelectItems or ChatTools.SetQuantity
            or ChatTools.SetFulfilment or ChatTools.ReportUnknownProducts))
        {
            logger.LogWarning("LLM called unknown tool {Tool}; ignored", Truncate(call.Name, 60));
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(call.Arguments) ? "{}" : call.Arguments);
        }
        catch (JsonException)
        {
            logger.LogWarning("LLM call to {Tool} refused: arguments are not JSON", call.Name);
            return false;
        }

        using (document)
        {
            var arguments = document.RootElement;
            if (arguments.ValueKind != JsonValueKind.Object)
            {
                logger.LogWarning("LLM call to {Tool} refused: arguments are not an object", call.Name);
                return false;
            }

            if (FindMoneyArgument(arguments) is { } money)
            {
                outcome.Suspicious = true;
                logger.LogWarning("LLM call to {Tool} refused: it tried to set '{Argument}'; prices come from the catalog only", call.Name, Truncate(money, 60));
                return false;
            }

            return call.Name switch
            {
                ChatTools.ReportIntent => ReportIntent(arguments, outcome),
                ChatTools.SelectItems => SelectItems(arguments, outcome),
                ChatTools.SetQuantity => SetQuantity(arguments, outcome),
                ChatTools.SetFulfilment => SetFulfilment(arguments, outcome),
                _ => ReportUnknownProducts(arguments, outcome),
            };
        }
    }

    private bool ReportIntent(JsonElement arguments, ToolCallOutcome outcome)
    {
        if (!TryGetString(arguments, "intent", out var name) || !TryParseIntent(name, out var intent))
        {
            logger.LogWarning("LLM report_intent refused: unknown intent '{Intent}'", Truncate(name, 40));
            return false;
        }

        if (outcome.Intent is not null)
        {
            // One message, one intent: the first valid report stands.
            return false;
        }

        outcome.Intent = intent;
        if (TryGetString(arguments, "language", out var language))
        {
            outcome.Language = LanguageCodes.Normalize(language);
        }

        if (arguments.TryGetProperty("confidence", out var confidence) && confidence.ValueKind == JsonValueKind.Number
            && confidence.TryGetDouble(out var value) && double.IsFinite(value))
        {
            outcome.Confidence = Math.Clamp(value, 0, 1);
        }

        return true;
    }

    private bool SelectItems(JsonElement arguments, ToolCallOutcome outcome)
    {
        if (!arguments.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            logger.LogWarning("LLM select_items refused: no items array");
            return false;
        }

        var any = false;
        foreach (var item in items.EnumerateArray().Take(MaxItems))
        {
            if (item.ValueKind != JsonValueKind.Object || !TryGetString(item, "sku", out var proposed))
            {
                logger.LogWarning("LLM select_items: item without a SKU refused");
                continue;
            }

            if (!skus.TryGetValue(proposed.Trim(), out var sku))
            {
                logger.LogWarning("LLM select_items: SKU '{Sku}' is not in the catalog; refused", Truncate(proposed, 60));
                AddUnknown(outcome, proposed);
                continue;
            }

            int? quantity = null;
            if (item.TryGetProperty("quantity", out var rawQuantity) && rawQuantity.ValueKind != JsonValueKind.Null)
            {
                quantity = ParseQuantity(rawQuantity);
                if (quantity is null)
                {
                    outcome.Suspicious = true;
                    logger.LogWarning("LLM select_items: quantity {Quantity} for {Sku} is not a whole number from 1 to {Max}; refused",
                        Truncate(rawQuantity.GetRawText(), 40), sku, ChatTools.MaxQuantity);
                    continue;
                }
            }

            var existing = outcome.Items.FindIndex(i => i.Sku == sku);
            if (existing >= 0)
            {
                outcome.Items[existing] = outcome.Items[existing] with { Quantity = quantity ?? outcome.Items[existing].Quantity };
            }
            else
            {
                outcome.Items.Add(new ItemMention(sku, quantity));
            }

            any = true;
        }

        return any;
    }

    private bool SetQuantity(JsonElement arguments, ToolCallOutcome outcome)
    {
        if (!arguments.TryGetProperty("quantity", out var raw) || ParseQuantity(raw) is not { } quantity)
        {
            outcome.Suspicious = true;
            logger.LogWarning("LLM set_quantity refused: not a whole number from 1 to {Max}", ChatTools.MaxQuantity);
            return false;
        }

        outcome.Quantity ??= quantity;
        return true;
    }

    private bool SetFulfilment(JsonElement arguments, ToolCallOutcome outcome)
    {
        TryGetString(arguments, "type", out var type);
        Fulfilment? fulfilment = type?.Trim().ToLowerInvariant() switch
        {
            "pickup" or "pick_up" or "pick-up" => Fulfilment.Pickup,
            "delivery" => Fulfilment.Delivery,
            _ => null,
        };
        if (fulfilment is null)
        {
            logger.LogWarning("LLM set_fulfilment refused: unknown type '{Type}'", Truncate(type, 40));
            return false;
        }

        outcome.Fulfilment = fulfilment;
        if (fulfilment == Fulfilment.Delivery && TryGetString(arguments, "address", out var address) && !string.IsNullOrWhiteSpace(address))
        {
            outcome.Address = Truncate(address.Trim(), AddressDetector.MaxLength);
        }

        return true;
    }

    private bool ReportUnknownProducts(JsonElement arguments, ToolCallOutcome outcome)
    {
        if (!arguments.TryGetProperty("names", out var names) || names.ValueKind != JsonValueKind.Array)
        {
            logger.LogWarning("LLM report_unknown_products refused: no names array");
            return false;
        }

        var before = outcome.UnknownProducts.Count;
        foreach (var name in names.EnumerateArray())
        {
            if (name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
            {
                AddUnknown(outcome, name.GetString()!);
            }
        }

        return outcome.UnknownProducts.Count > before;
    }

    /// <summary>A whole number from 1 to 100, written as a JSON number ("2", "2.0") or as text ("2", "two", "méjì").</summary>
    private static int? ParseQuantity(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var number):
                return double.IsFinite(number) && number == Math.Floor(number) && number is >= 1 and <= ChatTools.MaxQuantity
                    ? (int)number
                    : null;
            case JsonValueKind.String:
                return NumberWords.Parse(value.GetString() ?? string.Empty) is { } parsed and >= 1 and <= ChatTools.MaxQuantity
                    ? parsed
                    : null;
            default:
                return null;
        }
    }

    private static bool TryParseIntent(string name, out Intent intent)
    {
        var normalized = name.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        // Enum.TryParse would also take "3" or "Order, Paid"; only the names themselves are valid.
        foreach (var candidate in Enum.GetValues<Intent>())
        {
            if (string.Equals(candidate.ToString(), normalized, StringComparison.OrdinalIgnoreCase))
            {
                intent = candidate;
                return true;
            }
        }

        intent = Intent.Unknown;
        return false;
    }

    /// <summary>The first property, at any depth, whose name mentions money; null when there is none.</summary>
    private static string? FindMoneyArgument(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name.ToLowerInvariant();
                    if (MoneyWords.Any(word => name.Contains(word, StringComparison.Ordinal)))
                    {
                        return property.Name;
                    }

                    if (FindMoneyArgument(property.Value) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindMoneyArgument(item) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool TryGetString(JsonElement element, string name, out string value)
    {
        if (element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
        {
            value = property.GetString() ?? string.Empty;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static void AddUnknown(ToolCallOutcome outcome, string name)
    {
        var trimmed = Truncate(name.Trim(), MaxProductNameLength);
        if (trimmed.Length > 0 && outcome.UnknownProducts.Count < MaxUnknownProducts
            && !outcome.UnknownProducts.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            outcome.UnknownProducts.Add(trimmed);
        }
    }

    private static string Truncate(string? text, int length) =>
        text is null ? string.Empty : text.Length <= length ? text : text[..length];
}
