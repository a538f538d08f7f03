namespace HaloAgent.AI.Rules;

/// <summary>What a lexicon phrase tells the NLU when it appears in a message.</summary>
internal enum PhraseKind
{
    /// <summary>Evidence for an intent (<see cref="Phrase.Value"/> is the <see cref="AI.Intent"/>).</summary>
    Intent,

    /// <summary>Pickup or delivery (<see cref="Phrase.Value"/> is the <see cref="AI.Fulfilment"/>).</summary>
    Fulfilment,

    /// <summary>A quantity word (<see cref="Phrase.Value"/> is the number).</summary>
    Number,

    /// <summary>A word that carries no intent ("please", "abeg", "the"), possibly a hint of the language.</summary>
    Filler,

    /// <summary>"and", "ati", "da": a filler that also separates one item from the next.</summary>
    Conjunction,
}
