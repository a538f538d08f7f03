using System.Globalization;
using System.Text;
using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules;

/// <summary>
/// What the letters themselves say about the language, read from the raw text before folding erases it:
/// ẹ and ṣ are Yoruba, ị and ụ Igbo, ọ either of them, ɗ ƙ ɓ Hausa; typed tone marks are far more common in Yoruba.
/// </summary>
internal static class ScriptHints
{
    private const char DotBelow = '\u0323';
    private const char DotAbove = '\u0307';

    public static void AddTo(string raw, IDictionary<string, double> scores)
    {
        bool yorubaLetter = false, igboLetter = false, sharedDot = false, hausaHook = false, tones = false, igboN = false;
        var decomposed = raw.Normalize(NormalizationForm.FormD);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            switch (c)
            {
                case 'ɗ' or 'ƙ' or 'ɓ' or 'ƴ' or 'Ɗ' or 'Ƙ' or 'Ɓ' or 'Ƴ':
                    hausaHook = true;
                    break;
                case DotBelow when i > 0:
                    switch (char.ToLowerInvariant(decomposed[i - 1]))
                    {
                        case 'e' or 's':
                            yorubaLetter = true;
                            break;
                        case 'i' or 'u':
                            igboLetter = true;
                            break;
                        case 'o':
                            sharedDot = true;
                            break;
                    }

                    break;
                case DotAbove when i > 0 && char.ToLowerInvariant(decomposed[i - 1]) == 'n':
                    igboN = true;
                    break;
                case '\u0300' or '\u0301' or '\u0304':
                    tones = true;
                    break;
            }
        }

        // Each kind of hint counts once: a long message must not outvote its words with one letter repeated.
        if (hausaHook)
        {
            Add(scores, LanguageCodes.Hausa, 1.5);
        }

        if (yorubaLetter)
        {
            Add(scores, LanguageCodes.Yoruba, 1.5);
        }

        if (igboLetter || igboN)
        {
            Add(scores, LanguageCodes.Igbo, 1.5);
        }

        if (sharedDot && !yorubaLetter && !igboLetter)
        {
            Add(scores, LanguageCodes.Yoruba, 0.5);
            Add(scores, LanguageCodes.Igbo, 0.5);
        }

        if (tones && !igboLetter)
        {
            Add(scores, LanguageCodes.Yoruba, 0.5);
        }
    }

    private static void Add(IDictionary<string, double> scores, string language, double weight) =>
        scores[language] = scores.TryGetValue(language, out var current) ? current + weight : weight;
}
