namespace HaloAgent.AI.Rules;

/// <summary>A lexicon phrase found in the message at token <paramref name="Start"/>.</summary>
/// <param name="Fuzzy">Matched with a typo, so it counts for a little less.</param>
internal sealed record LexiconHit(Phrase Phrase, int Start, bool Fuzzy)
{
    public int End => Start + Phrase.Tokens.Length;

    /// <summary>Evidence for the phrase's intent: longer phrases are more specific.</summary>
    public double Weight => (Fuzzy ? 0.8 : 1.0) * (1 + 0.25 * (Phrase.Tokens.Length - 1));
}
