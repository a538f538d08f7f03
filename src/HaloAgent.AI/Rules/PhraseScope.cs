namespace HaloAgent.AI.Rules;

/// <summary>Where in a message a phrase counts, for words that mean something else inside a longer sentence.</summary>
internal enum PhraseScope
{
    Anywhere,

    /// <summary>Counts at the start of the message, or anywhere in a message of a few words ("no", "ok", "ee").</summary>
    Leading,

    /// <summary>Counts only in a message of a few words: "stop" alone opts out, "Ikeja bus stop" does not.</summary>
    ShortMessage,

    /// <summary>Counts only as the whole message: Hausa "to" (ok) is also the English "to".</summary>
    Whole,
}
