namespace HaloAgent.Engine.Expressions.Parsing;

/// <param name="Kind">What the token is.</param>
/// <param name="Position">0-based index of its first character.</param>
/// <param name="Text">The source text of the token (empty for <see cref="TokenKind.End"/>).</param>
/// <param name="Value">The decimal of a number or the unescaped text of a string literal.</param>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, object? Value = null)
{
    public bool IsKeyword => Kind is >= TokenKind.True and <= TokenKind.Contains;

    /// <summary>How the token is quoted in error messages: 'x', or "end of expression".</summary>
    public string Describe()
    {
        if (Kind == TokenKind.End)
        {
            return "end of expression";
        }

        const int MaxShown = 20;
        var shown = Text.Length <= MaxShown ? Text : Text[..MaxShown] + "…";

        // A string literal already shows its own quotes.
        return Kind == TokenKind.String ? shown : $"'{shown}'";
    }
}
