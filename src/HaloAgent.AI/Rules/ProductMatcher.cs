namespace HaloAgent.AI.Rules;

/// <summary>Finds catalog products in the message: exact names and aliases first, then typos, then generic words next to them.</summary>
internal static class ProductMatcher
{
    /// <summary>Score of a distinctive word standing for the whole name ("jollof" for "Jollof Rice").</summary>
    private const double PartialScore = 0.9;

    /// <summary>Below this similarity a typo is taken for a different word.</summary>
    private const double FuzzyThreshold = 0.8;

    /// <summary>
    /// Typo matching looks at the first words only: an order fits in far fewer, and it keeps a 4,000-character message
    /// against a large catalog cheap. Exact matching still reads the whole message.
    /// </summary>
    private const int FuzzyWindow = 300;

    /// <summary>
    /// Exact names and aliases (run together, so spacing and hyphens do not matter), leftmost-longest. Runs before the
    /// lexicon so a product called "Rice and Stew" keeps its "and".
    /// </summary>
    public static void MatchExact(MessageAnalysis analysis, ProductIndex index)
    {
        if (index.IsEmpty)
        {
            return;
        }

        var i = 0;
        while (i < analysis.Count)
        {
            var matched = 0;
            for (var length = Math.Min(index.MaxTokens + 1, analysis.Count - i); length >= 1 && matched == 0; length--)
            {
                if (!analysis.AreFree(i, length))
                {
                    continue;
                }

                var joined = Join(analysis, i, length);
                var names = index.ExactlyJoined(joined);
                if (names.Count > 0)
                {
                    Record(analysis, i, length, names[0].Sku, 1.0, names[0].Language);
                    matched = length;
                }
            }

            i += Math.Max(matched, 1);
        }
    }

    /// <summary>
    /// Typos ("jolof", "suyaa", "puf puff") and partial names ("jollof" for "Jollof Rice" when only one product has
    /// that word): Damerau-Levenshtein similarity of the words run together, at most one edit for short names and two
    /// for long ones; the best and longest candidates first.
    /// </summary>
    public static void MatchFuzzy(MessageAnalysis analysis, ProductIndex index, Lexicon lexicon)
    {
        if (index.IsEmpty)
        {
            return;
        }

        var candidates = new List<ProductMatch>();
        for (var i = 0; i < Math.Min(analysis.Count, FuzzyWindow); i++)
        {
            for (var length = 1; length <= index.MaxTokens + 1 && i + length <= analysis.Count; length++)
            {
                if (!analysis.AreFree(i, length) || (length == 1 && lexicon.Contains(analysis.Tokens[i].Text)))
                {
                    break;
                }

                var joined = Join(analysis, i, length);
                var limit = AllowedEdits(joined.Length);

                foreach (var name in limit == 0 ? [] : index.Names)
                {
                    var similarity = DamerauLevenshtein.Similarity(joined, name.Joined, limit);
                    if (similarity >= FuzzyThreshold)
                    {
                        // A match covering more of the message is the better reading ("puf puff" over "puff");
                        // aliases win ties because the owner wrote them from what customers say.
                        var score = similarity * 0.95 + 0.03 * (length - 1) + (name.IsAlias ? 0.01 : 0);
                        candidates.Add(new ProductMatch(i, i + length, name.Sku, score, name.Language));
                    }
                }

                if (length == 1 && IsDistinctiveCandidate(joined, lexicon))
                {
                    foreach (var (word, sku) in index.DistinctiveWords)
                    {
                        if (sku is not null && DamerauLevenshtein.Similarity(joined, word, limit) is var similarity
                            && similarity >= FuzzyThreshold)
                        {
                            candidates.Add(new ProductMatch(i, i + 1, sku, similarity * PartialScore, null));
                        }
                    }
                }
            }
        }

        foreach (var candidate in candidates
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.End - c.Start)
            .ThenBy(c => c.Start))
        {
            if (analysis.AreFree(candidate.Start, candidate.End - candidate.Start))
            {
                Record(analysis, candidate.Start, candidate.End - candidate.Start, candidate.Sku, candidate.Score, candidate.Language);
            }
        }

        analysis.Products.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// A word next to a product that, together with it, is a typo of that product's name ("jollof rce" after the alias
    /// "jollof" matched exactly) belongs to it.
    /// </summary>
    public static void ExtendMatches(MessageAnalysis analysis, ProductIndex index, Lexicon lexicon)
    {
        for (var p = 0; p < analysis.Products.Count; p++)
        {
            var product = analysis.Products[p];
            var names = index.Names.Where(n => n.Sku == product.Sku).ToList();
            foreach (var (start, end) in new[] { (product.Start, product.End + 1), (product.Start - 1, product.End) })
            {
                var added = start < product.Start ? start : end - 1;
                if (start < 0 || end > analysis.Count || !analysis.IsFree(added) || lexicon.Contains(analysis.Tokens[added].Text)
                    || analysis.Tokens[start == product.Start ? added : product.Start].BreakBefore)
                {
                    continue;
                }

                var joined = Join(analysis, start, end - start);
                if (names.Any(n => DamerauLevenshtein.Similarity(joined, n.Joined, AllowedEdits(joined.Length)) >= FuzzyThreshold))
                {
                    analysis.Claim(added, 1, ClaimKind.ProductDetail);
                    analysis.Products[p] = product = product with { Start = start, End = end };
                    break;
                }
            }
        }
    }

    /// <summary>"rice", "small", "spicy" next to a matched product describe it rather than name another product.</summary>
    public static void AbsorbDetails(MessageAnalysis analysis)
    {
        foreach (var product in analysis.Products)
        {
            for (var i = product.Start - 1; i >= 0 && i >= product.Start - 2 && Absorb(analysis, i); i--)
            {
            }

            for (var i = product.End; i < analysis.Count && i < product.End + 2 && Absorb(analysis, i); i++)
            {
            }
        }
    }

    private static bool Absorb(MessageAnalysis analysis, int index)
    {
        if (!analysis.IsFree(index) || !FoodWords.Contains(analysis.Tokens[index].Text))
        {
            return false;
        }

        analysis.Claim(index, 1, ClaimKind.ProductDetail);
        return true;
    }

    private static int AllowedEdits(int length) => length switch
    {
        >= 9 => 2,
        >= 5 => 1,
        _ => 0,
    };

    private static bool IsDistinctiveCandidate(string token, Lexicon lexicon) =>
        token.Length >= 4 && !FoodWords.Contains(token) && !lexicon.Contains(token) && !token.All(char.IsDigit);

    private static string Join(MessageAnalysis analysis, int start, int length)
    {
        if (length == 1)
        {
            return analysis.Tokens[start].Text;
        }

        return string.Concat(Enumerable.Range(start, length).Select(i => analysis.Tokens[i].Text));
    }

    private static void Record(MessageAnalysis analysis, int start, int length, string sku, double score, string? language)
    {
        analysis.Claim(start, length, ClaimKind.Product);
        analysis.Products.Add(new ProductMatch(start, start + length, sku, score, language));
    }
}
