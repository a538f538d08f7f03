using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>The only functions an expression can call. Names are case-sensitive.</summary>
internal static class FunctionCatalog
{
    private static readonly FrozenDictionary<string, FunctionDefinition> Functions = new FunctionDefinition[]
    {
        new("len", 1, 1, CollectionFunctions.Len),
        new("isEmpty", 1, 1, CollectionFunctions.IsEmpty),
        new("contains", 2, 2, CollectionFunctions.Contains),
        new("coalesce", 1, FunctionDefinition.Unbounded, CollectionFunctions.Coalesce),
        new("lower", 1, 1, TextFunctions.Lower),
        new("upper", 1, 1, TextFunctions.Upper),
        new("trim", 1, 1, TextFunctions.Trim),
        new("startsWith", 2, 2, TextFunctions.StartsWith),
        new("endsWith", 2, 2, TextFunctions.EndsWith),
        new("fold", 1, 1, TextFunctions.Fold),
        new("matchesAny", 2, 2, TextFunctions.MatchesAny),
        new("number", 1, 1, ConversionFunctions.Number),
        new("string", 1, 1, ConversionFunctions.String),
        new("round", 1, 2, NumberFunctions.Round),
        new("floor", 1, 1, NumberFunctions.Floor),
        new("ceil", 1, 1, NumberFunctions.Ceil),
        new("abs", 1, 1, NumberFunctions.Abs),
        new("min", 2, 2, NumberFunctions.Min),
        new("max", 2, 2, NumberFunctions.Max),
        new("now", 0, 0, TimeFunctions.Now),
        new("hoursSince", 1, 1, TimeFunctions.HoursSince),
        new("daysSince", 1, 1, TimeFunctions.DaysSince),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static bool TryGet(string name, [MaybeNullWhen(false)] out FunctionDefinition function) =>
        Functions.TryGetValue(name, out function);

    /// <summary>The correctly spelled name when <paramref name="name"/> differs only in case ("Lower" → "lower").</summary>
    public static string? SuggestFor(string name) =>
        Functions.Keys.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
}
