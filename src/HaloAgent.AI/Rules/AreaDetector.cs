using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules;

/// <summary>
/// Finds a change of place without a street address, at any point of the chat: "deliver to Lekki instead", "na Yaba
/// I dey now", "mo wà ní Yaba báyìí", "anọ m na Yaba ugbu a", "ina Yaba yanzu". The words in the place's slot become
/// the delivery address (the flow finds the business's zone in it). Runs after exact product and lexicon matching, so
/// a slot holding a dish or a known phrase ("ina son jollof yanzu") is not taken for a place.
/// </summary>
internal static class AreaDetector
{
    /// <summary>A place name is at most this many words ("Victoria Island", "Lekki Phase 1").</summary>
    private const int MaxPlaceWords = 4;

    /// <summary>Patterns by language, "{X}" where the place is; written with tone marks, compared folded.</summary>
    private static readonly (string Language, string Pattern)[] Sources =
    [
        (LanguageCodes.English, "deliver to {X} instead"), (LanguageCodes.English, "deliver it to {X} instead"),
        (LanguageCodes.English, "deliver to {X}"), (LanguageCodes.English, "deliver it to {X}"),
        (LanguageCodes.English, "send it to {X} instead"), (LanguageCodes.English, "send it to {X}"),
        (LanguageCodes.English, "bring it to {X}"), (LanguageCodes.English, "take it to {X}"),
        (LanguageCodes.English, "change the address to {X}"), (LanguageCodes.English, "change my address to {X}"),
        (LanguageCodes.English, "change address to {X}"), (LanguageCodes.English, "my new address is {X}"),
        (LanguageCodes.English, "i'm in {X} now"), (LanguageCodes.English, "i am in {X} now"), (LanguageCodes.English, "im in {X} now"),
        (LanguageCodes.English, "i'm at {X} now"), (LanguageCodes.English, "i am at {X} now"), (LanguageCodes.English, "im at {X} now"),
        (LanguageCodes.English, "i'm now in {X}"), (LanguageCodes.English, "i am now in {X}"), (LanguageCodes.English, "i moved to {X}"),
        (LanguageCodes.Pidgin, "na {X} i dey now"), (LanguageCodes.Pidgin, "na {X} i dey"), (LanguageCodes.Pidgin, "i dey {X} now"),
        (LanguageCodes.Pidgin, "i don move go {X}"), (LanguageCodes.Pidgin, "bring am come {X}"), (LanguageCodes.Pidgin, "carry am come {X}"),
        (LanguageCodes.Pidgin, "send am come {X}"), (LanguageCodes.Pidgin, "deliver am for {X}"), (LanguageCodes.Pidgin, "deliver am to {X}"),
        (LanguageCodes.Pidgin, "make una bring am come {X}"), (LanguageCodes.Pidgin, "make una deliver am for {X}"),
        (LanguageCodes.Yoruba, "mo wà ní {X} báyìí"), (LanguageCodes.Yoruba, "mo ti wà ní {X} báyìí"), (LanguageCodes.Yoruba, "mo wà ní {X}"),
        (LanguageCodes.Yoruba, "ẹ gbé e wá sí {X}"), (LanguageCodes.Yoruba, "ẹ gbé e lọ sí {X}"), (LanguageCodes.Yoruba, "gbé e wá sí {X}"),
        (LanguageCodes.Yoruba, "gbé e lọ sí {X}"), (LanguageCodes.Yoruba, "ẹ mú un wá sí {X}"),
        (LanguageCodes.Igbo, "anọ m na {X} ugbu a"), (LanguageCodes.Igbo, "anọ m na {X}"), (LanguageCodes.Igbo, "bugara m ya na {X}"),
        (LanguageCodes.Igbo, "buga ya na {X}"), (LanguageCodes.Igbo, "bute ya na {X}"), (LanguageCodes.Igbo, "weta ya na {X}"),
        (LanguageCodes.Igbo, "bunye m ya na {X}"),
        (LanguageCodes.Hausa, "ina {X} yanzu"), (LanguageCodes.Hausa, "yanzu ina {X}"), (LanguageCodes.Hausa, "a kawo min {X}"),
        (LanguageCodes.Hausa, "ku kawo min {X}"), (LanguageCodes.Hausa, "a kai min {X}"), (LanguageCodes.Hausa, "ku kai min {X}"),
        (LanguageCodes.Hausa, "a kawo shi {X}"), (LanguageCodes.Hausa, "a kai shi {X}"),
    ];

    /// <summary>Words that are never a place: what follows "I dey …" or "deliver to …" when no place is meant.</summary>
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "me", "us", "my", "i", "it", "am", "am?", "come", "go", "wait", "there", "here", "now", "today", "tomorrow", "fine", "ok",
        "okay", "hungry", "delivery", "pickup", "pick", "the", "a", "you", "una", "your", "house", "home", "office", "work", "ni",
        "mi", "m", "gi", "ka", "min", "ne", "da", "sai", "na", "dey", "don", "instead", "please", "abeg", "biko", "jowo", "pls",
    };

    /// <summary>What may follow a place at the end of the message: "deliver to Lekki instead abeg".</summary>
    private static readonly HashSet<string> Trailing = new(StringComparer.Ordinal)
    {
        "instead", "now", "please", "pls", "plz", "abeg", "o", "biko", "jowo", "thanks", "yanzu", "bayi", "ugbu", "a", "don", "allah", "dan",
    };

    /// <summary>Longest first, so "deliver to {X} instead" is tried before "deliver to {X}".</summary>
    private static readonly (string[] Before, string[] After)[] Patterns = Sources
        .Select(s => s.Pattern.Split("{X}"))
        .Select(parts => (Words(parts[0]), Words(parts[1])))
        .OrderByDescending(p => p.Item1.Length + p.Item2.Length)
        .ToArray();

    public static void Detect(MessageAnalysis analysis)
    {
        if (analysis.Address is not null)
        {
            return;
        }

        foreach (var (before, after) in Patterns)
        {
            for (var start = 0; start + before.Length < analysis.Count; start++)
            {
                if (!WordsAt(analysis, start, before))
                {
                    continue;
                }

                var first = start + before.Length;
                if (Place(analysis, first, after) is { } end)
                {
                    analysis.Address = analysis.Raw[analysis.Tokens[first].Start..analysis.Tokens[end - 1].End].Trim().TrimEnd('.', ',', '!', '?');
                    analysis.Claim(first, end - first, ClaimKind.Address);
                    return;
                }
            }
        }
    }

    /// <summary>The end (exclusive) of the place that starts at <paramref name="first"/> and is followed by <paramref name="after"/>.</summary>
    private static int? Place(MessageAnalysis analysis, int first, string[] after)
    {
        for (var end = first + 1; end <= analysis.Count && end - first <= MaxPlaceWords; end++)
        {
            var word = analysis.Tokens[end - 1];
            if (!analysis.IsFree(end - 1) || NotPlaces.Contains(word.Text) || (end - 1 > first && word.BreakBefore))
            {
                return null;
            }

            if (after.Length > 0 ? WordsAt(analysis, end, after) : Ends(analysis, end))
            {
                return end;
            }
        }

        return null;
    }

    /// <summary>Whether the place can end before <paramref name="end"/>: the message or its clause ends, or only politeness follows.</summary>
    private static bool Ends(MessageAnalysis analysis, int end)
    {
        if (end == analysis.Count || analysis.Tokens[end].BreakBefore)
        {
            return true;
        }

        for (var k = end; k < analysis.Count && !analysis.Tokens[k].BreakBefore; k++)
        {
            if (!Trailing.Contains(analysis.Tokens[k].Text))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WordsAt(MessageAnalysis analysis, int start, string[] words)
    {
        if (start + words.Length > analysis.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!string.Equals(analysis.Tokens[start + k].Text, words[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => t.Text).ToArray();
}
