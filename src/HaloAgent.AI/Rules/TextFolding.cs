using System.Globalization;
using System.Text;

namespace HaloAgent.AI.Rules;

/// <summary>
/// Folds text to the form every lexicon and catalog name is compared in: lower case, no tone marks or dots below,
/// Hausa hooked letters as their plain ones, no apostrophes.
/// </summary>
/// <remarks>
/// Customers type "meji" as often as "méjì", and "karba" for "karɓa", so matching on folded text is what makes one
/// lexicon entry cover both spellings. Language hints that live in the diacritics are read from the raw text instead
/// (<see cref="ScriptHints"/>).
/// </remarks>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (IsApostrophe(rune.Value))
            {
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            builder.Append(lower.Value switch
            {
                // Hausa's hooked letters are separate code points, not base letter + mark, so NFD keeps them.
                0x0257 => "d", // ɗ
                0x0199 => "k", // ƙ
                0x0253 => "b", // ɓ
                0x01B4 => "y", // ƴ
                0x014B => "n", // ŋ
                _ => lower.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Apostrophes inside a word ("a'a", "na'am", "don't") are dropped, so all the quote styles phones produce fold alike.</summary>
    public static bool IsApostrophe(int codePoint) =>
        codePoint is '\'' or 0x2019 or 0x2018 or 0x02BC or 0x02BB or '`' or 0x00B4;
}
