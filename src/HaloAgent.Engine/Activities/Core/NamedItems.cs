using System.Text.Json.Nodes;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>Reads list inputs of named items (Switch cases, Split variants), whose names become outcomes.</summary>
internal static class NamedItems
{
    public sealed record Item(string Name, JsonObject Raw)
    {
        public string? Get(string field) => Raw[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : Raw[field]?.ToJsonString();

        public decimal? Number(string field) =>
            Raw[field] is JsonValue v && (v.TryGetValue<decimal>(out var d) || decimal.TryParse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture, out d)) ? d : null;
    }

    public static IReadOnlyList<Item> Read(FlowNode node, string input) =>
        node.Inputs.GetValueOrDefault(input) is JsonArray array
            ? array.OfType<JsonObject>()
                .Select(o => new Item(o["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : "", o))
                .ToList()
            : [];

    public static IEnumerable<ValidationError> Validate(FlowNode node, string input, string requiredField)
    {
        if (node.Inputs.GetValueOrDefault(input) is not JsonArray array || array.Count == 0)
        {
            yield return new ValidationError(node.Id, input, $"Add at least one item to '{input}'.");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                yield return new ValidationError(node.Id, $"{input}[{i}]", "Each item must be an object with a name.");
                continue;
            }

            var name = item["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return new ValidationError(node.Id, $"{input}[{i}].name", "The name is required.");
            }
            else if (name == Outcomes.Default || !seen.Add(name))
            {
                yield return new ValidationError(node.Id, $"{input}[{i}].name", $"The name '{name}' is used twice (or is reserved).");
            }

            if (item[requiredField] is null)
            {
                yield return new ValidationError(node.Id, $"{input}[{i}].{requiredField}", $"The {requiredField} is required.");
            }
        }
    }
}
