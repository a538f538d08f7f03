using System.Globalization;
using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>number, string.</summary>
internal static class ConversionFunctions
{
    private const NumberStyles NumberStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>A number stays as it is; a string is parsed with the invariant culture ("12.5", "-3"); anything else is null.</summary>
    public static object? Number(FunctionArguments args) => args.Read(0) switch
    {
        decimal number => number,
        string text when decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static object? String(FunctionArguments args) => ValueText.ToText(args.Read(0));
}
