using System.Globalization;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Execution;

/// <summary>Turns a node's raw inputs into values, by each input's declared kind.</summary>
internal static class InputEvaluator
{
    public static IReadOnlyDictionary<string, object?> Evaluate(FlowNode node, ActivityDescriptor descriptor, ExpressionScope scope)
    {
        var values = new Dictionary<string, object?>(descriptor.Inputs.Count, StringComparer.Ordinal);
        foreach (var input in descriptor.Inputs)
        {
            var raw = node.Inputs.TryGetValue(input.Name, out var given) && given is not null ? given : input.Default;
            values[input.Name] = EvaluateOne(input, PlainValue.FromJson(raw), scope);
        }

        return values;
    }

    private static object? EvaluateOne(InputDescriptor input, object? raw, ExpressionScope scope)
    {
        if (raw is not string text)
        {
            return raw;
        }

        return input.Kind switch
        {
            InputKind.Text => scope.Render(text),
            InputKind.Expression => string.IsNullOrWhiteSpace(text) ? null : scope.Evaluate(text),
            InputKind.Condition => !string.IsNullOrWhiteSpace(text) && scope.EvaluateCondition(text),
            InputKind.Duration => DurationParser.Parse(RenderIfTemplate(text, scope)),
            InputKind.DateTime => ParseDateTime(scope.Render(text)),
            InputKind.Number => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    private static string RenderIfTemplate(string text, ExpressionScope scope) =>
        Templates.TemplateEngine.IsPlain(text) ? text : scope.Render(text);

    private static DateTimeOffset? ParseDateTime(string text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new FormatException($"'{text}' is not a date and time (use ISO 8601, e.g. 2026-11-22T09:00:00Z).");
}
