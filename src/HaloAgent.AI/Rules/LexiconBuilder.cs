namespace HaloAgent.AI.Rules;

/// <summary>Collects glossary entries; entries are written as people type them (tone marks or not) and folded here.</summary>
internal sealed class LexiconBuilder
{
    private readonly List<Phrase> phrases = [];

    public IReadOnlyList<Phrase> Phrases => phrases;

    /// <summary>Multiplies the language weight of the entries added next (see <see cref="Glossary.EnglishGlossary"/>).</summary>
    public double WeightFactor { get; set; } = 1.0;

    public LexiconBuilder Intent(Intent intent, string languages, params string[] texts) =>
        Add(PhraseKind.Intent, (int)intent, languages, PhraseScope.Anywhere, null, texts);

    public LexiconBuilder Intent(Intent intent, string languages, PhraseScope scope, params string[] texts) =>
        Add(PhraseKind.Intent, (int)intent, languages, scope, null, texts);

    public LexiconBuilder Fulfil(Fulfilment fulfilment, string languages, params string[] texts) =>
        Add(PhraseKind.Fulfilment, (int)fulfilment, languages, PhraseScope.Anywhere, null, texts);

    public LexiconBuilder Number(int value, string languages, params string[] texts) =>
        Add(PhraseKind.Number, value, languages, PhraseScope.Anywhere, 1.0, texts);

    /// <summary>Words with no intent; <paramref name="languageWeight"/> 0 for words every language borrows.</summary>
    public LexiconBuilder Filler(string languages, double languageWeight, params string[] texts) =>
        Add(PhraseKind.Filler, 0, languages, PhraseScope.Anywhere, languageWeight, texts);

    public LexiconBuilder Conjunction(string languages, double languageWeight, params string[] texts) =>
        Add(PhraseKind.Conjunction, 0, languages, PhraseScope.Anywhere, languageWeight, texts);

    private LexiconBuilder Add(PhraseKind kind, int value, string languages, PhraseScope scope, double? weight, string[] texts)
    {
        var codes = languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var text in texts)
        {
            var tokens = Tokenizer.Tokenize(text).Select(t => t.Text).ToArray();
            if (tokens.Length == 0)
            {
                throw new InvalidOperationException($"Lexicon entry '{text}' has no words.");
            }

            // Longer phrases are more specific, so they say more about the language too.
            var languageWeight = (weight ?? 1.0 + 0.5 * (tokens.Length - 1)) * WeightFactor;
            phrases.Add(new Phrase(tokens, kind, value, codes, languageWeight, scope));
        }

        return this;
    }
}
