using System.Text.RegularExpressions;

namespace HaloAgent.AI.Rules;

/// <summary>Finds lexicon phrases and quantities in the words no product or address claimed, longest phrase first.</summary>
internal static partial class LexiconMatcher
{
    /// <summary>A message this short is an answer, so answer words count wherever they stand in it.</summary>
    private const int ShortMessage = 3;

    public static void Match(MessageAnalysis analysis, Lexicon lexicon)
    {
        var i = 0;
        while (i < analysis.Count)
        {
            if (!analysis.IsFree(i))
            {
                i++;
                continue;
            }

            var phrase = FindPhrase(analysis, lexicon, i, analysis.Count - i);
            phrase = YieldToLongerOverlap(analysis, lexicon, i, phrase);
            if (phrase is not null)
            {
                var kind = phrase.Kind == PhraseKind.Number ? ClaimKind.Number : ClaimKind.Lexicon;
                analysis.Claim(i, phrase.Tokens.Length, kind, phrase);
                analysis.Hits.Add(new LexiconHit(phrase, i, Fuzzy: false));
                if (phrase.Kind == PhraseKind.Number)
                {
                    analysis.Numbers.Add(new NumberMention(i, i + phrase.Tokens.Length, phrase.Value));
                }

                i += phrase.Tokens.Length;
                continue;
            }

            if (ParseDigits(analysis.Tokens[i].Text) is { } value)
            {
                analysis.Claim(i, 1, ClaimKind.Number);
                analysis.Numbers.Add(new NumberMention(i, i + 1, value));
            }

            i++;
        }
    }

    /// <summary>One typo in a long single word ("unsubcribe", "cancle", "delivry") still counts, for a little less.</summary>
    public static void MatchFuzzy(MessageAnalysis analysis, Lexicon lexicon)
    {
        for (var i = 0; i < analysis.Count; i++)
        {
            var token = analysis.Tokens[i].Text;
            if (!analysis.IsFree(i) || token.Length < 6)
            {
                continue;
            }

            foreach (var phrase in lexicon.FuzzyCandidates)
            {
                if (DamerauLevenshtein.Distance(token, phrase.Tokens[0], 1) <= 1)
                {
                    analysis.Claim(i, 1, ClaimKind.Lexicon, phrase);
                    analysis.Hits.Add(new LexiconHit(phrase, i, Fuzzy: true));
                    break;
                }
            }
        }
    }

    /// <summary>"2", "x2", "2x", "2pcs", keycap "2️⃣": a quantity between 1 and 100 (bigger numbers are prices or phone numbers).</summary>
    public static int? ParseDigits(string token)
    {
        var match = DigitQuantity().Match(token);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, out var value))
        {
            return null;
        }

        return value is >= 1 and <= 100 ? value : null;
    }

    /// <summary>
    /// Leftmost-longest alone would read "abeg no send me message again" as "abeg no" (a refusal) and lose the opt-out:
    /// when a longer phrase starts inside the one found, the longer one wins and this word takes what still fits.
    /// </summary>
    private static Phrase? YieldToLongerOverlap(MessageAnalysis analysis, Lexicon lexicon, int start, Phrase? phrase)
    {
        if (phrase is null)
        {
            return null;
        }

        var end = start + phrase.Tokens.Length;
        for (var j = start + 1; j < end; j++)
        {
            var other = FindPhrase(analysis, lexicon, j, analysis.Count - j);
            if (other is not null && other.Tokens.Length > phrase.Tokens.Length && j + other.Tokens.Length > end)
            {
                return FindPhrase(analysis, lexicon, start, j - start);
            }
        }

        return phrase;
    }

    private static Phrase? FindPhrase(MessageAnalysis analysis, Lexicon lexicon, int start, int maxLength)
    {
        foreach (var phrase in lexicon.StartingWith(analysis.Tokens[start].Text))
        {
            if (phrase.Tokens.Length <= maxLength && analysis.AreFree(start, phrase.Tokens.Length) && Matches(analysis, phrase, start) && InScope(analysis, lexicon, phrase, start))
            {
                return phrase;
            }
        }

        return null;
    }

    private static bool Matches(MessageAnalysis analysis, Phrase phrase, int start)
    {
        for (var k = 0; k < phrase.Tokens.Length; k++)
        {
            if (!string.Equals(analysis.Tokens[start + k].Text, phrase.Tokens[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool InScope(MessageAnalysis analysis, Lexicon lexicon, Phrase phrase, int start)
    {
        switch (phrase.Scope)
        {
            case PhraseScope.Anywhere:
                return true;
            case PhraseScope.Leading:
                return analysis.Count <= ShortMessage || OnlyFillersOutside(analysis, lexicon, 0, start, start);
            case PhraseScope.Whole:
                return OnlyFillersOutside(analysis, lexicon, 0, analysis.Count, start, start + phrase.Tokens.Length);
            default:
                return false;
        }
    }

    /// <summary>Whether every word in [from, to) outside [skipStart, skipEnd) is a filler such as "please" or "abeg".</summary>
    private static bool OnlyFillersOutside(MessageAnalysis analysis, Lexicon lexicon, int from, int to, int skipStart, int skipEnd = -1)
    {
        for (var i = from; i < to; i++)
        {
            if (i >= skipStart && i < skipEnd)
            {
                continue;
            }

            if (!lexicon.IsFillerWord(analysis.Tokens[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^x?(\d{1,3})(?:x|pcs|pc|pieces|plates|packs)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitQuantity();
}
