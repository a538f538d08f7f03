namespace HaloAgent.AI.Rules;

/// <summary>One lexicon entry, already folded and split into words.</summary>
/// <param name="Tokens">The folded words, matched as a contiguous run.</param>
/// <param name="Kind">What the phrase is evidence of.</param>
/// <param name="Value">The intent, fulfilment or number, by <paramref name="Kind"/>.</param>
/// <param name="Languages">The languages it belongs to; a phrase shared by several splits its language weight.</param>
/// <param name="LanguageWeight">How strongly it points at its languages.</param>
/// <param name="Scope">Where in a message it counts.</param>
internal sealed record Phrase(string[] Tokens, PhraseKind Kind, int Value, string[] Languages, double LanguageWeight, PhraseScope Scope)
{
    public Intent Intent => (Intent)Value;

    public Fulfilment Fulfilment => (Fulfilment)Value;
}
