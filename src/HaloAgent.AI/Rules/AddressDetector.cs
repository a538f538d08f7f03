namespace HaloAgent.AI.Rules;

/// <summary>Finds a delivery address in the message.</summary>
internal static class AddressDetector
{
    /// <summary>Longer than any real address; keeps a pasted essay out of the order record.</summary>
    public const int MaxLength = 300;

    /// <summary>Words after which a house number is at most this far from its street word ("12 Allen Avenue").</summary>
    private const int StreetWordReach = 5;

    private static readonly string[] LeadIns =
    [
        "my address is", "address is", "the address is", "address:", "address", "deliver to", "send to", "bring it to",
        "deliver am to", "bring am come",
    ];

    private static readonly string[] TrailingPoliteness =
    [
        "please", "pls", "plz", "thanks", "thank you", "abeg", "biko", "ẹ jọ̀ọ́", "e jowo", "jowo", "don allah", "dan allah",
    ];

    /// <summary>
    /// A house number followed closely by a street word ("12 Allen Avenue, Ikeja", "No 5 Bode Thomas St"): the address
    /// runs from the number (or a "No"/"Plot" before it) to the end of its sentence. Its words are then not read as
    /// quantities or products.
    /// </summary>
    public static void DetectPattern(MessageAnalysis analysis)
    {
        for (var i = 0; i < analysis.Count; i++)
        {
            if (!IsHouseNumber(analysis.Tokens[i].Text) || !StreetWordFollows(analysis, i))
            {
                continue;
            }

            var first = i > 0 && StreetWords.IsPrefix(analysis.Tokens[i - 1].Text) ? i - 1 : i;
            var start = analysis.Tokens[first].Start;
            var end = SentenceEnd(analysis.Raw, start);
            var text = Clean(analysis.Raw[start..end]);
            if (text.Length == 0)
            {
                continue;
            }

            analysis.Address = text;
            for (var k = first; k < analysis.Count && analysis.Tokens[k].Start < end; k++)
            {
                analysis.Claim(k, 1, ClaimKind.Address);
            }

            return;
        }
    }

    /// <summary>
    /// The whole message as the address, for when the agent has just asked for one and the message is not about
    /// something else: landmarks ("opposite Shoprite, Lekki") have no number to find.
    /// </summary>
    public static void TakeWholeMessage(MessageAnalysis analysis)
    {
        var text = analysis.Raw.Trim();
        foreach (var leadIn in LeadIns)
        {
            if (text.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase) && text.Length > leadIn.Length)
            {
                text = text[leadIn.Length..].TrimStart(' ', ':', ',', '-');
                break;
            }
        }

        text = Clean(text);
        if (text.Length == 0)
        {
            return;
        }

        analysis.Address = text;
        analysis.Numbers.Clear();
        analysis.Claim(0, analysis.Count, ClaimKind.Address);
    }

    private static bool IsHouseNumber(string token) =>
        token.Length is > 0 and <= 6 && char.IsDigit(token[0]) && token.Count(char.IsLetter) <= 1;

    private static bool StreetWordFollows(MessageAnalysis analysis, int number)
    {
        for (var k = number + 1; k < analysis.Count && k <= number + StreetWordReach; k++)
        {
            if (StreetWords.IsStreet(analysis.Tokens[k].Text))
            {
                return k > number + 1 || analysis.Tokens[k].Text is not ("way" or "close");
            }
        }

        return false;
    }

    /// <summary>The end of the sentence that starts at <paramref name="start"/>: a line break, or . ! ? before a space (not "St.").</summary>
    private static int SentenceEnd(string raw, int start)
    {
        for (var i = start; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is '\n' or '\r')
            {
                return i;
            }

            if (c is '.' or '!' or '?' && (i + 1 == raw.Length || char.IsWhiteSpace(raw[i + 1])) && !AfterAbbreviation(raw, start, i))
            {
                return i;
            }
        }

        return raw.Length;
    }

    private static bool AfterAbbreviation(string raw, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && char.IsLetter(raw[wordStart - 1]))
        {
            wordStart--;
        }

        return wordStart < dot && StreetWords.IsAbbreviation(raw[wordStart..dot].ToLowerInvariant());
    }

    private static string Clean(string text)
    {
        text = text.Trim().TrimEnd('.', ',', '!', '?', ';', ' ');
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var polite in TrailingPoliteness)
            {
                if (text.EndsWith(polite, StringComparison.OrdinalIgnoreCase) && text.Length > polite.Length
                    && !char.IsLetter(text[^(polite.Length + 1)]))
                {
                    text = text[..^polite.Length].Trim().TrimEnd('.', ',', '!', '?', ';', ' ');
                    changed = true;
                }
            }
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        // Never cut an emoji in half.
        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return text[..cut].TrimEnd();
    }
}
