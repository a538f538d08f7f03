using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Rules;

/// <summary>The caller's catalog folded and indexed for matching: every name in every language, and every alias.</summary>
internal sealed class ProductIndex
{
    private readonly Dictionary<string, List<ProductName>> byJoined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> uniqueTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> vocabulary = new(StringComparer.Ordinal);
    private readonly List<ProductName> names = [];

    private ProductIndex()
    {
    }

    public IReadOnlyList<ProductName> Names => names;

    /// <summary>The most words a name has; windows one longer catch a name typed split ("puff puff" for "puffpuff").</summary>
    public int MaxTokens { get; private set; }

    public bool IsEmpty => names.Count == 0;

    public static ProductIndex Build(IReadOnlyList<CatalogEntry>? catalog)
    {
        var index = new ProductIndex();
        if (catalog is null)
        {
            return index;
        }

        foreach (var entry in catalog)
        {
            if (entry is null || string.IsNullOrWhiteSpace(entry.Sku))
            {
                continue;
            }

            // A name several languages share ("Jollof Rice" in en and pcm) says nothing about the language.
            var languagesByName = new Dictionary<string, (string Text, HashSet<string> Codes)>(StringComparer.Ordinal);
            foreach (var (language, name) in entry.Names ?? new Dictionary<string, string>())
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    continue;
                }

                var joined = string.Concat(Tokenizer.Tokenize(name).Select(t => t.Text));
                if (!languagesByName.TryGetValue(joined, out var seen))
                {
                    languagesByName[joined] = seen = (name, new HashSet<string>(StringComparer.Ordinal));
                }

                seen.Codes.Add(LanguageCodes.Normalize(language) ?? language);
            }

            foreach (var (text, codes) in languagesByName.Values)
            {
                var language = codes.Count == 1 ? LanguageCodes.Normalize(codes.First()) : null;
                index.Add(entry.Sku, text, isAlias: false, language);
            }

            foreach (var alias in entry.Aliases ?? [])
            {
                if (!string.IsNullOrWhiteSpace(alias))
                {
                    index.Add(entry.Sku, alias, isAlias: true, language: null);
                }
            }
        }

        index.Index();
        return index;
    }

    /// <summary>Names and aliases whose words, run together, are exactly <paramref name="joined"/>; aliases first.</summary>
    public IReadOnlyList<ProductName> ExactlyJoined(string joined) =>
        byJoined.TryGetValue(joined, out var found) ? found : [];

    /// <summary>
    /// Each word of the names with the one product it belongs to, or null when several share it: a distinctive word
    /// ("jollof" of "Jollof Rice") may stand for the whole name, a shared one ("rice") may not.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> DistinctiveWords => uniqueTokens;

    /// <summary>Whether the word appears in any name or alias: such a word is ambiguous, not unknown.</summary>
    public bool InVocabulary(string token) => vocabulary.Contains(token);

    private void Add(string sku, string text, bool isAlias, string? language)
    {
        var tokens = Tokenizer.Tokenize(text).Select(t => t.Text).ToArray();
        if (tokens.Length == 0)
        {
            return;
        }

        names.Add(new ProductName(sku, tokens, string.Concat(tokens), isAlias, language));
    }

    private void Index()
    {
        foreach (var name in names)
        {
            if (!byJoined.TryGetValue(name.Joined, out var list))
            {
                byJoined[name.Joined] = list = [];
            }

            list.Add(name);
            MaxTokens = Math.Max(MaxTokens, name.Tokens.Length);
            foreach (var token in name.Tokens)
            {
                vocabulary.Add(token);
                // A word of two products ("rice" of jollof and fried rice) is not distinctive; null marks it so.
                if (uniqueTokens.TryGetValue(token, out var owner))
                {
                    if (owner != name.Sku)
                    {
                        uniqueTokens[token] = null;
                    }
                }
                else
                {
                    uniqueTokens[token] = name.Sku;
                }
            }
        }

        foreach (var list in byJoined.Values)
        {
            list.Sort((a, b) => b.IsAlias.CompareTo(a.IsAlias));
        }
    }
}
