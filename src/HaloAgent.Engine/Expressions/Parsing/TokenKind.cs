namespace HaloAgent.Engine.Expressions.Parsing;

internal enum TokenKind
{
    End,
    Number,
    String,
    Identifier,

    // Keywords (lower-case only). After '.', any of them is also a valid member name.
    True,
    False,
    Null,
    And,
    Or,
    Not,
    In,
    Contains,

    // Punctuation and operators.
    AmpAmp,
    PipePipe,
    Bang,
    EqualEqual,
    BangEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
}
