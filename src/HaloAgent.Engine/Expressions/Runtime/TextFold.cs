using System.Globalization;
using System.Text;

namespace HaloAgent.Engine.Expressions.Runtime;

/// <summary>
/// Accent- and case-insensitive matching key: decompose (NFD), drop combining marks, lower-case (invariant),
/// recompose. "Ẹ jọ̀ọ́" → "e joo", "abụọ" → "abuo". Letters that do not decompose (ø, ß, đ) are kept.
/// </summary>
internal static class TextFold
{
    public static string Fold(string text)
    {
        if (IsAscii(text))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            builder.Append(c);
        }

        var folded = builder.ToString().ToLowerInvariant();
        return IsAscii(folded) ? folded : folded.Normalize(NormalizationForm.FormC);
    }

    private static bool IsAscii(string text) => Ascii.IsValid(text);
}
