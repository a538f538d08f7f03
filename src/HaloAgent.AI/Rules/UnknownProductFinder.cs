namespace HaloAgent.AI.Rules;

/// <summary>Finds what the customer asked for that the catalog does not have, so the agent can say so instead of guessing.</summary>
internal static class UnknownProductFinder
{
    private const int MaxWordsPerProduct = 3;
    private const int MaxProducts = 5;

    /// <summary>
    /// Unexplained words after an order verb ("I wan buy pizza"), or next to a quantity in a message that orders
    /// ("2 jollof and 1 pizza"). Words of the lexicon or of any catalog name are never unknown: they are either
    /// understood or ambiguous ("rice" when the catalog has two rice dishes).
    /// </summary>
    public static void Find(MessageAnalysis analysis, ProductIndex index, Lexicon lexicon)
    {
        var verb = analysis.IntentHits
            .Where(h => h.Phrase.Intent is Intent.Order or Intent.Add or Intent.Remove or Intent.Price)
            .Select(h => (int?)h.End)
            .FirstOrDefault();
        if (verb is null && analysis.Products.Count == 0)
        {
            return;
        }

        var i = 0;
        while (i < analysis.Count && analysis.UnknownProducts.Count < MaxProducts)
        {
            if (!IsProductLike(analysis, index, lexicon, i))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < analysis.Count && end - i < MaxWordsPerProduct && !analysis.Tokens[end].BreakBefore
                && IsProductLike(analysis, index, lexicon, end))
            {
                end++;
            }

            if (i >= verb || NextToNumber(analysis, i, end))
            {
                analysis.Claim(i, end - i, ClaimKind.UnknownProduct);
                analysis.UnknownProducts.Add((i, end, analysis.RawSpan(i, end)));
            }

            i = end;
        }
    }

    private static bool IsProductLike(MessageAnalysis analysis, ProductIndex index, Lexicon lexicon, int i)
    {
        var token = analysis.Tokens[i].Text;
        return analysis.IsFree(i) && token.Length >= 3 && token.Any(char.IsLetter) && !lexicon.Contains(token)
            && !index.InVocabulary(token);
    }

    private static bool NextToNumber(MessageAnalysis analysis, int start, int end)
    {
        for (var i = start - 1; i >= 0 && !analysis.Tokens[i + 1].BreakBefore; i--)
        {
            if (analysis.ClaimAt(i) == ClaimKind.Number)
            {
                return true;
            }

            if (!analysis.IsFiller(i))
            {
                break;
            }
        }

        for (var i = end; i < analysis.Count && !analysis.Tokens[i].BreakBefore; i++)
        {
            if (analysis.ClaimAt(i) == ClaimKind.Number)
            {
                return true;
            }

            if (!analysis.IsFiller(i))
            {
                break;
            }
        }

        return false;
    }
}
