using HaloAgent.AI.Rules.Glossary;

namespace HaloAgent.AI.Rules;

/// <summary>The merged glossaries of all five languages, indexed for longest-match lookup.</summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Shared = new(() => Build(b =>
    {
        EnglishGlossary.AddTo(b);
        PidginGlossary.AddTo(b);
        YorubaGlossary.AddTo(b);
        IgboGlossary.AddTo(b);
        HausaGlossary.AddTo(b);
    }));

    private readonly Dictionary<string, Phrase[]> byFirstToken;
    private readonly HashSet<string> words;
    private readonly HashSet<string> fillerWords;

    private Lexicon(IReadOnlyList<Phrase> phrases)
    {
        Phrases = phrases;
        // Longest first; among equally long ones the restricted scopes first, so "to" alone is Hausa's "ok" and the
        // English filler everywhere else.
        byFirstToken = phrases
            .GroupBy(p => p.Tokens[0], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(p => p.Tokens.Length).ThenBy(p => p.Scope == PhraseScope.Anywhere).ToArray(),
                StringComparer.Ordinal);
        words = phrases.SelectMany(p => p.Tokens).ToHashSet(StringComparer.Ordinal);
        fillerWords = phrases
            .Where(p => p.Kind is PhraseKind.Filler or PhraseKind.Conjunction)
            .SelectMany(p => p.Tokens)
            .ToHashSet(StringComparer.Ordinal);
        FuzzyCandidates = phrases
            .Where(p => p.Tokens.Length == 1 && p.Tokens[0].Length >= 6 && p.Scope == PhraseScope.Anywhere
                && p.Kind is PhraseKind.Intent or PhraseKind.Fulfilment)
            .ToArray();
    }

    public static Lexicon Instance => Shared.Value;

    public IReadOnlyList<Phrase> Phrases { get; }

    /// <summary>Single long words ("unsubscribe", "delivery", "cancel") worth matching with one typo.</summary>
    public IReadOnlyList<Phrase> FuzzyCandidates { get; }

    /// <summary>Phrases that start with <paramref name="token"/>, longest first.</summary>
    public IReadOnlyList<Phrase> StartingWith(string token) =>
        byFirstToken.TryGetValue(token, out var phrases) ? phrases : [];

    /// <summary>Whether any lexicon phrase uses the word: such a word is never reported as an unknown product.</summary>
    public bool Contains(string token) => words.Contains(token);

    /// <summary>Whether the word is (part of) a filler such as "please", "abeg" or "don Allah".</summary>
    public bool IsFillerWord(string token) => fillerWords.Contains(token);

    /// <summary>Builds a lexicon, merging entries two languages share and refusing one phrase with two meanings.</summary>
    public static Lexicon Build(Action<LexiconBuilder> register)
    {
        var builder = new LexiconBuilder();
        register(builder);

        var merged = new Dictionary<(string Text, PhraseScope Scope), Phrase>();
        var conflicts = new List<string>();
        foreach (var phrase in builder.Phrases)
        {
            var key = (string.Join(' ', phrase.Tokens), phrase.Scope);
            if (!merged.TryGetValue(key, out var existing))
            {
                merged[key] = phrase;
                continue;
            }

            if (existing.Kind != phrase.Kind || existing.Value != phrase.Value)
            {
                conflicts.Add($"'{key.Item1}': {Describe(existing)} and {Describe(phrase)}");
                continue;
            }

            merged[key] = existing with
            {
                Languages = existing.Languages.Union(phrase.Languages).ToArray(),
                LanguageWeight = Math.Max(existing.LanguageWeight, phrase.LanguageWeight),
            };
        }

        if (conflicts.Count > 0)
        {
            // A phrase with two meanings in the same position would make the answer depend on registration order.
            throw new InvalidOperationException("Lexicon phrases with conflicting meanings: " + string.Join("; ", conflicts));
        }

        return new Lexicon(merged.Values.ToList());
    }

    private static string Describe(Phrase phrase) => phrase.Kind switch
    {
        PhraseKind.Intent => $"{phrase.Intent} ({phrase.Scope}, {string.Join(',', phrase.Languages)})",
        PhraseKind.Fulfilment => $"{phrase.Fulfilment} ({string.Join(',', phrase.Languages)})",
        PhraseKind.Number => $"number {phrase.Value} ({string.Join(',', phrase.Languages)})",
        _ => $"{phrase.Kind} ({string.Join(',', phrase.Languages)})",
    };
}
