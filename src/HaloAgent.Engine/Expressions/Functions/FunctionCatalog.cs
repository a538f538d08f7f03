using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>The only functions an expression can call. Names are case-sensitive.</summary>
internal static class FunctionCatalog
{
    private static readonly FunctionDefinition[] Definitions =
    [
        new("len", 1, 1, CollectionFunctions.Len,
            "The length of a string, the count of a list or object; 0 for null.",
            "len(vars.items) > 0"),
        new("isEmpty", 1, 1, CollectionFunctions.IsEmpty,
            "True for null, \"\", [] and an empty object (0, false and \" \" are not empty).",
            "isEmpty(trim(event.text))"),
        new("contains", 2, 2, CollectionFunctions.Contains,
            "The same as a contains b: a list holds the item, or a text holds the text.",
            "contains(vars.tags, \"vip\")"),
        new("coalesce", 1, FunctionDefinition.Unbounded, CollectionFunctions.Coalesce,
            "The first argument that is not null; later arguments are not evaluated.",
            "coalesce(vars.nickname, vars.name, \"friend\")"),
        new("lower", 1, 1, TextFunctions.Lower,
            "Lower-cased (invariant culture); null stays null.",
            "lower(event.text) == \"pay\""),
        new("upper", 1, 1, TextFunctions.Upper,
            "Upper-cased (invariant culture); null stays null.",
            "upper(vars.code)"),
        new("trim", 1, 1, TextFunctions.Trim,
            "Leading and trailing whitespace removed.",
            "trim(event.text)"),
        new("startsWith", 2, 2, TextFunctions.StartsWith,
            "Ordinal, case-sensitive prefix test; false for null.",
            "startsWith(event.text, \"/\")"),
        new("endsWith", 2, 2, TextFunctions.EndsWith,
            "Ordinal, case-sensitive suffix test; false for null.",
            "endsWith(vars.email, \".ng\")"),
        new("fold", 1, 1, TextFunctions.Fold,
            "A matching key: lower-cased with diacritics removed.",
            "fold(\"Ẹ jọ̀ọ́\") == \"e joo\""),
        new("matchesAny", 2, 2, TextFunctions.MatchesAny,
            "True when fold(text) contains fold(c) for some candidate c (a list, or one string or number).",
            "matchesAny(event.text, [\"pay\", \"sanwo\"])"),
        new("number", 1, 1, ConversionFunctions.Number,
            "A number, or a string parsed with the invariant culture; null when it cannot be parsed.",
            "number(event.text) > 0"),
        new("string", 1, 1, ConversionFunctions.String,
            "Text: null is \"\", numbers without trailing zeros, lists and objects as JSON.",
            "string(vars.total)"),
        new("round", 1, 2, NumberFunctions.Round,
            "Rounded to digits decimal places (default 0); midpoints away from zero.",
            "round(vars.total / 3, 2)"),
        new("floor", 1, 1, NumberFunctions.Floor,
            "Rounded down to a whole number.",
            "floor(vars.total / 100)"),
        new("ceil", 1, 1, NumberFunctions.Ceil,
            "Rounded up to a whole number.",
            "ceil(vars.total / 100)"),
        new("abs", 1, 1, NumberFunctions.Abs,
            "The absolute value.",
            "abs(vars.balance)"),
        new("min", 2, 2, NumberFunctions.Min,
            "The smaller of two numbers.",
            "min(vars.total, 1000)"),
        new("max", 2, 2, NumberFunctions.Max,
            "The larger of two numbers.",
            "max(vars.total, 1000)"),
        new("now", 0, 0, TimeFunctions.Now,
            "Now in UTC as ISO 8601 round-trip text.",
            "now()"),
        new("hoursSince", 1, 1, TimeFunctions.HoursSince,
            "Hours from a date/time to now (negative in the future); null when it is not a date.",
            "hoursSince(instance.startedAt) > 24"),
        new("daysSince", 1, 1, TimeFunctions.DaysSince,
            "Days from a date/time to now (negative in the future); null when it is not a date.",
            "daysSince(vars.lastOrderAt) >= 30"),
    ];

    private static readonly FrozenDictionary<string, FunctionDefinition> Functions = Definitions.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every function, in the order above.</summary>
    public static IReadOnlyList<FunctionDefinition> All => Definitions;

    public static bool TryGet(string name, [MaybeNullWhen(false)] out FunctionDefinition function) =>
        Functions.TryGetValue(name, out function);

    /// <summary>The correctly spelled name when <paramref name="name"/> differs only in case ("Lower" → "lower").</summary>
    public static string? SuggestFor(string name) =>
        Functions.Keys.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
}
