using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>
/// lower, upper, trim, fold, startsWith, endsWith, matchesAny. Non-string arguments are converted as by
/// <c>string()</c>; a null text stays null (startsWith/endsWith/matchesAny answer false).
/// </summary>
internal static class TextFunctions
{
    public static object? Lower(FunctionArguments args) => ValueText.ToTextOrNull(args.Read(0))?.ToLowerInvariant();

    public static object? Upper(FunctionArguments args) => ValueText.ToTextOrNull(args.Read(0))?.ToUpperInvariant();

    public static object? Trim(FunctionArguments args) => ValueText.ToTextOrNull(args.Read(0))?.Trim();

    public static object? Fold(FunctionArguments args) =>
        ValueText.ToTextOrNull(args.Read(0)) is { } text ? TextFold.Fold(text) : null;

    public static object? StartsWith(FunctionArguments args)
    {
        var text = ValueText.ToTextOrNull(args.Read(0));
        var prefix = ValueText.ToTextOrNull(args.Read(1));
        return ValueOps.Bool(text is not null && prefix is not null && text.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static object? EndsWith(FunctionArguments args)
    {
        var text = ValueText.ToTextOrNull(args.Read(0));
        var suffix = ValueText.ToTextOrNull(args.Read(1));
        return ValueOps.Bool(text is not null && suffix is not null && text.EndsWith(suffix, StringComparison.Ordinal));
    }

    /// <summary>
    /// matchesAny(text, candidates): fold(text) contains fold(candidate) for some candidate. Candidates are a list,
    /// or a single string/number; null and objects match nothing.
    /// </summary>
    public static object? MatchesAny(FunctionArguments args)
    {
        var text = ValueText.ToTextOrNull(args.Read(0));
        var candidates = args.Read(1);
        if (text is null || candidates is null or IReadOnlyDictionary<string, object?>)
        {
            return ValueOps.False;
        }

        var folded = TextFold.Fold(text);
        if (candidates is IReadOnlyList<object?> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (ContainsFolded(folded, list[i]))
                {
                    return ValueOps.True;
                }
            }

            return ValueOps.False;
        }

        return ValueOps.Bool(ContainsFolded(folded, candidates));
    }

    /// <summary>Folds one candidate; null and candidates that fold to "" never match.</summary>
    public static string? FoldCandidate(object? candidate)
    {
        if (candidate is null)
        {
            return null;
        }

        var needle = TextFold.Fold(ValueText.ToText(candidate));
        return needle.Length == 0 ? null : needle;
    }

    private static bool ContainsFolded(string foldedText, object? candidate) =>
        FoldCandidate(candidate) is { } needle && foldedText.Contains(needle, StringComparison.Ordinal);
}
