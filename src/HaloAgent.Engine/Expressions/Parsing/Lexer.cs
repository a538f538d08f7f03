using System.Globalization;
using System.Text;

namespace HaloAgent.Engine.Expressions.Parsing;

/// <summary>Splits the source into tokens; the list always ends with a <see cref="TokenKind.End"/> token.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            if (i >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, source.Length, string.Empty));
                return tokens;
            }

            var c = source[i];
            if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (IsIdentifierStart(c))
            {
                tokens.Add(ReadWord(source, ref i));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(source, ref i));
            }
            else
            {
                tokens.Add(ReadSymbol(source, ref i));
            }
        }
    }

    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static Token ReadNumber(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && char.IsAsciiDigit(source[i]))
        {
            i++;
        }

        // A '.' belongs to the number only when a digit follows ("12.5"); "a[1].b" stays member access.
        if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
        {
            i++;
            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }

        var text = source[start..i];
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException(
                $"Number '{text}' at {SourceColumn.Of(start)} is too large.", start);
        }

        return new Token(TokenKind.Number, start, text, value);
    }

    private static Token ReadWord(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && IsIdentifierPart(source[i]))
        {
            i++;
        }

        var text = source[start..i];
        var kind = text switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "in" => TokenKind.In,
            "contains" => TokenKind.Contains,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, text);
    }

    private static Token ReadString(string source, ref int i)
    {
        var start = i;
        var quote = source[i++];
        var builder = new StringBuilder();
        while (true)
        {
            if (i >= source.Length)
            {
                throw new ExpressionSyntaxException(
                    $"Unterminated string starting at {SourceColumn.Of(start)}: add the closing {quote}.", start);
            }

            var c = source[i];
            if (c == quote)
            {
                i++;
                return new Token(TokenKind.String, start, source[start..i], builder.ToString());
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= source.Length)
            {
                throw new ExpressionSyntaxException(
                    $"Unterminated string starting at {SourceColumn.Of(start)}: add the closing {quote}.", start);
            }

            var escaped = source[i + 1];
            builder.Append(escaped switch
            {
                '\\' => '\\',
                '\'' => '\'',
                '"' => '"',
                'n' => '\n',
                't' => '\t',
                _ => throw new ExpressionSyntaxException(
                    $"Unknown escape '\\{escaped}' at {SourceColumn.Of(i)}. Use \\\\, \\', \\\", \\n or \\t.", i),
            });
            i += 2;
        }
    }

    private static Token ReadSymbol(string source, ref int i)
    {
        var start = i;
        var c = source[i];
        var next = i + 1 < source.Length ? source[i + 1] : '\0';
        (TokenKind Kind, int Length)? match = c switch
        {
            '&' when next == '&' => (TokenKind.AmpAmp, 2),
            '|' when next == '|' => (TokenKind.PipePipe, 2),
            '=' when next == '=' => (TokenKind.EqualEqual, 2),
            '!' when next == '=' => (TokenKind.BangEqual, 2),
            '<' when next == '=' => (TokenKind.LessEqual, 2),
            '>' when next == '=' => (TokenKind.GreaterEqual, 2),
            '!' => (TokenKind.Bang, 1),
            '<' => (TokenKind.Less, 1),
            '>' => (TokenKind.Greater, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '%' => (TokenKind.Percent, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            '[' => (TokenKind.LeftBracket, 1),
            ']' => (TokenKind.RightBracket, 1),
            ',' => (TokenKind.Comma, 1),
            '.' => (TokenKind.Dot, 1),
            _ => null,
        };

        if (match is { } found)
        {
            i += found.Length;
            return new Token(found.Kind, start, source.Substring(start, found.Length));
        }

        var hint = c switch
        {
            '=' => " Use '==' to compare.",
            '&' => " Use '&&' or 'and'.",
            '|' => " Use '||' or 'or'.",
            _ => string.Empty,
        };
        var shown = char.IsControl(c) ? $"U+{(int)c:X4}"
            : char.IsHighSurrogate(c) && char.IsLowSurrogate(next) ? source.Substring(start, 2)
            : c.ToString();
        throw new ExpressionSyntaxException($"Unexpected character '{shown}' at {SourceColumn.Of(start)}.{hint}", start);
    }
}
