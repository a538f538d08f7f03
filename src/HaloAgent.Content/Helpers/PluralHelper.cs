using HaloAgent.Engine.Templates;

namespace HaloAgent.Content.Helpers;

/// <summary><c>{{plural n "item" "items"}}</c>: the singular for exactly one, the plural otherwise (0 items, 2 items).</summary>
public sealed class PluralHelper : ITemplateHelper
{
    public string Name => "plural";

    public string Render(object?[] arguments)
    {
        if (arguments.Length < 3)
        {
            throw new ArgumentException("plural expects a count, a singular and a plural: {{plural n \"item\" \"items\"}}.");
        }

        var one = TemplateNumbers.TryGetLong(arguments[0], out var count) && count == 1;
        return Convert.ToString(one ? arguments[1] : arguments[2], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
