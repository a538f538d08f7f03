using System.Globalization;
using HaloAgent.Platform.Money;
using HaloAgent.Engine.Templates;

namespace HaloAgent.Content.Helpers;

/// <summary>
/// <c>{{naira amountKobo}}</c> → ₦3,500 in the template's language (<c>{{naira amountKobo "ha"}}</c> overrides it).
/// </summary>
public sealed class NairaHelper(string language) : ITemplateHelper
{
    public string Name => "naira";

    internal bool Strict { get; init; }

    public string Render(object?[] arguments)
    {
        if (arguments.Length == 0 || !TemplateNumbers.TryGetLong(arguments[0], out var kobo))
        {
            // A message with a blank amount is bad; a crashed conversation is worse. Tests render strictly.
            return Strict
                ? throw new ArgumentException($"naira expects an amount in kobo, got '{(arguments.Length == 0 ? "nothing" : arguments[0])}'.")
                : string.Empty;
        }

        var target = arguments.Length > 1 && arguments[1] is string other ? other : language;
        return Naira.Format(kobo, target);
    }
}

internal static class TemplateNumbers
{
    /// <summary>Flow data holds decimals; domain code passes ints and longs; JSON-ish input may hold strings.</summary>
    public static bool TryGetLong(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case decimal d when d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue: result = (long)d; return true;
            case double f when f == Math.Truncate(f) && Math.Abs(f) < 9e15: result = (long)f; return true;
            case string s: return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
            default: result = 0; return false;
        }
    }
}
