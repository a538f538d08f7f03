namespace HaloAgent.AI.Rules;

/// <summary>One word of the message.</summary>
/// <param name="Text">The folded form every comparison uses.</param>
/// <param name="Start">Offset of the word in the raw text, so spans (addresses, unknown products) can be quoted as written.</param>
/// <param name="End">Offset just past the word in the raw text.</param>
/// <param name="BreakBefore">A comma, full stop, line break or the like separates it from the previous word: quantities do not cross it easily.</param>
internal sealed record Token(string Text, int Start, int End, bool BreakBefore);
