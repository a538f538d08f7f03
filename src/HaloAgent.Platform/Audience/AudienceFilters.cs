using System.Text.Json;

namespace HaloAgent.Platform.Audience;

/// <summary>Checks a filter before anything runs it: known fields, operators and values, and bounded size.</summary>
public static class AudienceFilters
{
    public const string All = "all", Any = "any";

    /// <summary>Groups inside groups, at most (the filter builder offers one level; scripts get a little more).</summary>
    public const int MaxDepth = 3;

    public const int MaxConditions = 40;

    public const long MaxDays = 36_500;

    /// <summary>Every problem with <paramref name="filter"/>; empty when it can run.</summary>
    public static IReadOnlyList<string> Validate(AudienceFilter? filter)
    {
        var errors = new List<string>();
        if (filter is null)
        {
            errors.Add("filter: required.");
            return errors;
        }

        var count = 0;
        CheckGroup(filter.Match, filter.Conditions, "filter", depth: 1, errors, ref count);
        if (count > MaxConditions)
        {
            errors.Add($"filter: {count} conditions; at most {MaxConditions}.");
        }

        return errors;
    }

    /// <exception cref="AudienceFilterException">When <see cref="Validate"/> finds anything.</exception>
    public static void EnsureValid(AudienceFilter? filter)
    {
        var errors = Validate(filter);
        if (errors.Count > 0)
        {
            throw new AudienceFilterException(errors);
        }
    }

    private static void CheckGroup(string? match, IReadOnlyList<AudienceCondition>? conditions, string path, int depth, List<string> errors, ref int count)
    {
        if (match is not (All or Any))
        {
            errors.Add($"{path}.match: '{match}' is not 'all' or 'any'.");
        }

        if (conditions is null)
        {
            errors.Add($"{path}.conditions: required.");
            return;
        }

        for (var i = 0; i < conditions.Count && count <= MaxConditions; i++)
        {
            var condition = conditions[i];
            var at = $"{path}.conditions[{i}]";
            count++;
            if (condition is null)
            {
                errors.Add($"{at}: empty.");
            }
            else if (condition.IsGroup)
            {
                if (depth >= MaxDepth)
                {
                    errors.Add($"{at}: groups nest at most {MaxDepth} deep.");
                    continue;
                }

                CheckGroup(condition.Match, condition.Conditions, at, depth + 1, errors, ref count);
            }
            else
            {
                CheckRule(condition, at, errors);
            }
        }
    }

    private static void CheckRule(AudienceCondition rule, string at, List<string> errors)
    {
        var field = AudienceFields.Find(rule.Field);
        if (field is null)
        {
            errors.Add($"{at}.field: unknown field '{rule.Field}'; known: {string.Join(", ", AudienceFields.All.Select(f => f.Name))}.");
            return;
        }

        if (rule.Op is null || !field.Ops.Contains(rule.Op))
        {
            errors.Add($"{at}.op: '{rule.Op}' does not apply to {field.Name}; use {string.Join(" or ", field.Ops)}.");
        }

        var problem = field.Kind switch
        {
            AudienceValueKind.Choice => Text(rule.Value) is { } text && field.Choices!.Contains(text) ? null : $"one of {string.Join(", ", field.Choices!)}",
            AudienceValueKind.Tag or AudienceValueKind.Product => Text(rule.Value) is { Length: > 0 and <= 100 } ? null : "a non-empty text",
            AudienceValueKind.Boolean => rule.Value?.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "true or false",
            AudienceValueKind.Days => Whole(rule.Value) is >= 0 and <= MaxDays ? null : $"a whole number of days from 0 to {MaxDays}",
            AudienceValueKind.Count => Whole(rule.Value) is >= 0 and <= 1_000_000 ? null : "a whole number from 0",
            AudienceValueKind.Kobo => Whole(rule.Value) is >= 0 ? null : "an amount in kobo (a whole number from 0)",
            AudienceValueKind.Score => Whole(rule.Value) is >= 1 and <= Rfm.Max ? null : $"a score from 1 to {Rfm.Max}",
            _ => "a value",
        };
        if (problem is not null)
        {
            errors.Add($"{at}.value: {field.Name} takes {problem}.");
        }
    }

    public static string? Text(JsonElement? value) => value?.ValueKind == JsonValueKind.String ? value.Value.GetString() : null;

    public static long? Whole(JsonElement? value) => value?.ValueKind == JsonValueKind.Number && value.Value.TryGetInt64(out var n) ? n : null;

    public static bool Flag(JsonElement? value) => value?.ValueKind == JsonValueKind.True;
}
