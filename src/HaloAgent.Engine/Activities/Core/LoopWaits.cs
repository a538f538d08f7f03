using System.Text.Json.Nodes;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>Reads how long a timer input waits, as far as it is known before the flow runs.</summary>
internal static class LoopWaits
{
    /// <summary>The wait of a duration input: fixed, computed (a template), or null when the input is not set.</summary>
    public static LoopWait? OfDuration(FlowNode node, string input)
    {
        if (Text(node, input) is not { } text)
        {
            return null;
        }

        if (!TemplateEngine.IsPlain(text))
        {
            return LoopWait.Computed;
        }

        return DurationParser.TryParse(text, out var duration) ? LoopWait.For(duration) : LoopWait.None;
    }

    public static bool IsComputed(FlowNode node, string input) => Text(node, input) is { } text && !TemplateEngine.IsPlain(text);

    private static string? Text(FlowNode node, string input) =>
        node.Inputs.GetValueOrDefault(input) is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
