using System.Globalization;
using System.Text;

namespace HaloAgent.Commerce.Catalog;

internal static class Skus
{
    public const int MaxLength = 40;

    /// <summary>SKUs are stored upper-case, so "jollof-rice" from a tool call finds "JOLLOF-RICE".</summary>
    public static string Normalize(string sku) => sku.Trim().ToUpperInvariant();

    /// <summary>A SKU from a name: "Ẹ̀fọ́ rírò (big)" → "EFO-RIRO-BIG" (accents folded, other characters become dashes).</summary>
    public static string FromName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var sku = builder.ToString().Trim('-');
        sku = sku.Length > MaxLength ? sku[..MaxLength].TrimEnd('-') : sku;
        return sku.Length == 0 ? "DISH" : sku;
    }

    /// <summary>Letters, digits and dashes only: a SKU travels in URLs, menu row ids and tool calls.</summary>
    public static bool IsValid(string normalized) =>
        normalized.Length is > 0 and <= MaxLength && normalized.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
