using System.Globalization;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Expressions.Runtime;

/// <summary>How values turn into text, for <c>+</c> with a string, <c>string()</c> and the text functions.</summary>
internal static class ValueText
{
    private const string NumberFormat = "0.############################";

    /// <summary>Invariant culture, no exponent, no trailing zeros: 12.50 → "12.5", 100 → "100".</summary>
    public static string FormatNumber(decimal value) => value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    /// <summary>null → "", bool → "true"/"false", numbers as <see cref="FormatNumber"/>, lists and objects as compact JSON.</summary>
    public static string ToText(object? value) => ValueOps.Normalize(value) switch
    {
        null => string.Empty,
        string s => s,
        decimal d => FormatNumber(d),
        bool b => b ? "true" : "false",
        IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> => PlainValue.Serialize(value),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Like <see cref="ToText"/>, but null stays null (text functions propagate null).</summary>
    public static string? ToTextOrNull(object? value) => value is null ? null : ToText(value);
}
