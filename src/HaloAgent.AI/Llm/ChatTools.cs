using HaloAgent.Platform.Languages;
using OpenAI.Chat;

namespace HaloAgent.AI.Llm;

/// <summary>
/// The only tools the model may call. Each proposes an interpretation; none can set a price, total, stock or create an
/// order, and every argument is validated by <see cref="ToolCallValidator"/> before it is used.
/// </summary>
internal static class ChatTools
{
    public const string ReportIntent = "report_intent";
    public const string SelectItems = "select_items";
    public const string SetQuantity = "set_quantity";
    public const string SetFulfilment = "set_fulfilment";
    public const string ReportUnknownProducts = "report_unknown_products";

    public const int MaxQuantity = 100;

    /// <summary>The intent names the model may use: the enum's names in lower case.</summary>
    public static IReadOnlyList<string> IntentNames { get; } =
        Enum.GetNames<Intent>().Select(n => n.ToLowerInvariant()).ToArray();

    public static IReadOnlyList<ChatTool> All { get; } =
    [
        ChatTool.CreateFunctionTool(
            ReportIntent,
            "Report what the customer's latest message wants. Call exactly once.",
            BinaryData.FromString($$"""
            {
              "type": "object",
              "properties": {
                "intent": { "type": "string", "enum": [{{string.Join(", ", IntentNames.Select(n => $"\"{n}\""))}}] },
                "language": { "type": "string", "enum": [{{string.Join(", ", LanguageCodes.All.Select(l => $"\"{l}\""))}}], "description": "Language of the message (pcm = Nigerian Pidgin)." },
                "confidence": { "type": "number", "minimum": 0, "maximum": 1 }
              },
              "required": ["intent", "language", "confidence"],
              "additionalProperties": false
            }
            """)),
        ChatTool.CreateFunctionTool(
            SelectItems,
            "The catalog products the customer names, by SKU, with the quantity they said (omit quantity if none was said).",
            BinaryData.FromString($$"""
            {
              "type": "object",
              "properties": {
                "items": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "sku": { "type": "string", "description": "A SKU from the catalog, exactly as listed." },
                      "quantity": { "type": "integer", "minimum": 1, "maximum": {{MaxQuantity}} }
                    },
                    "required": ["sku"],
                    "additionalProperties": false
                  }
                }
              },
              "required": ["items"],
              "additionalProperties": false
            }
            """)),
        ChatTool.CreateFunctionTool(
            SetQuantity,
            "A quantity the customer gives without naming a product, e.g. answering 'how many?'.",
            BinaryData.FromString($$"""
            {
              "type": "object",
              "properties": { "quantity": { "type": "integer", "minimum": 1, "maximum": {{MaxQuantity}} } },
              "required": ["quantity"],
              "additionalProperties": false
            }
            """)),
        ChatTool.CreateFunctionTool(
            SetFulfilment,
            "Whether the customer will pick the order up or wants it delivered, and the delivery address if they give one.",
            BinaryData.FromString("""
            {
              "type": "object",
              "properties": {
                "type": { "type": "string", "enum": ["pickup", "delivery"] },
                "address": { "type": "string" }
              },
              "required": ["type"],
              "additionalProperties": false
            }
            """)),
        ChatTool.CreateFunctionTool(
            ReportUnknownProducts,
            "Products the customer asks for that are not in the catalog, in their words.",
            BinaryData.FromString("""
            {
              "type": "object",
              "properties": { "names": { "type": "array", "items": { "type": "string" } } },
              "required": ["names"],
              "additionalProperties": false
            }
            """)),
    ];
}
