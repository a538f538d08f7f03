using System.Collections.Frozen;
using HaloAgent.Engine.Expressions.Functions;
using HaloAgent.Engine.Expressions.Nodes;
using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Parsing;

/// <summary>
/// Recursive-descent parser producing the compiled tree. Precedence, lowest first:
/// <c>|| or</c>, <c>&amp;&amp; and</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;= contains in</c>, <c>+ -</c>,
/// <c>* / %</c>, prefix <c>! not -</c>, postfix <c>.name [index]</c>. Binary operators are left-associative.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly HashSet<string> _roots = new(StringComparer.Ordinal);
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens)
    {
        _tokens = tokens;
    }

    private Token Current => _tokens[_index];

    public static (ExpressionNode Root, IReadOnlySet<string> Roots) Parse(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new ExpressionSyntaxException("Expression is empty.", 0);
        }

        if (source.Length > ExpressionLimits.MaxLength)
        {
            throw new ExpressionSyntaxException(
                $"Expression is too long at {SourceColumn.Of(ExpressionLimits.MaxLength)}: at most {ExpressionLimits.MaxLength} characters are allowed, got {source.Length}.",
                ExpressionLimits.MaxLength);
        }

        var parser = new Parser(Lexer.Tokenize(source));
        var root = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected(parser.Current);
        }

        return (root, parser._roots.ToFrozenSet(StringComparer.Ordinal));
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind is TokenKind.PipePipe or TokenKind.Or)
        {
            var op = Advance();
            left = new LogicalNode(left, ParseAnd(), isAnd: false, op.Position);
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseEquality();
        while (Current.Kind is TokenKind.AmpAmp or TokenKind.And)
        {
            var op = Advance();
            left = new LogicalNode(left, ParseEquality(), isAnd: true, op.Position);
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseRelational();
        while (Current.Kind is TokenKind.EqualEqual or TokenKind.BangEqual)
        {
            var op = Advance();
            left = new EqualityNode(left, ParseRelational(), negate: op.Kind == TokenKind.BangEqual, op.Position);
        }

        return left;
    }

    private ExpressionNode ParseRelational()
    {
        var left = ParseAdditive();
        while (true)
        {
            var op = Current;
            switch (op.Kind)
            {
                case TokenKind.Less:
                case TokenKind.LessEqual:
                case TokenKind.Greater:
                case TokenKind.GreaterEqual:
                    Advance();
                    left = new ComparisonNode(left, ParseAdditive(), ToComparison(op.Kind), op.Position);
                    break;
                case TokenKind.Contains:
                    Advance();
                    left = new ContainsNode(container: left, item: ParseAdditive(), op.Position);
                    break;
                case TokenKind.In:
                    Advance();
                    left = new ContainsNode(container: ParseAdditive(), item: left, op.Position);
                    break;
                default:
                    return left;
            }
        }
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var operation = op.Kind == TokenKind.Plus ? ArithmeticOperator.Add : ArithmeticOperator.Subtract;
            left = new ArithmeticNode(left, ParseMultiplicative(), operation, op.Position);
        }

        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            var operation = op.Kind switch
            {
                TokenKind.Star => ArithmeticOperator.Multiply,
                TokenKind.Slash => ArithmeticOperator.Divide,
                _ => ArithmeticOperator.Remainder,
            };
            left = new ArithmeticNode(left, ParseUnary(), operation, op.Position);
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        var op = Current;
        if (op.Kind is not (TokenKind.Bang or TokenKind.Not or TokenKind.Minus))
        {
            return ParsePostfix();
        }

        Advance();
        Enter(op);
        var operand = ParseUnary();
        Leave();

        if (op.Kind == TokenKind.Minus)
        {
            // Fold "-5" into a literal so negative constants cost nothing at run time.
            return operand is LiteralNode { Value: decimal number }
                ? new LiteralNode(-number, op.Position)
                : new NegateNode(operand, op.Position);
        }

        return new NotNode(operand, op.Position);
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    var name = Current;
                    if (name.Kind != TokenKind.Identifier && !name.IsKeyword)
                    {
                        throw Error($"Expected a member name after '.' at {SourceColumn.Of(name.Position)}", name.Position);
                    }

                    Advance();
                    node = new MemberNode(node, name.Text, name.Position);
                    break;
                case TokenKind.LeftBracket:
                    Advance();
                    Enter(token);
                    var index = ParseOr();
                    Expect(TokenKind.RightBracket, "']'");
                    Leave();
                    node = new IndexNode(node, index, token.Position);
                    break;
                case TokenKind.LeftParen:
                    throw Error(
                        $"Unexpected '(' at {SourceColumn.Of(token.Position)}: only built-in functions can be called, e.g. lower(x)",
                        token.Position);
                default:
                    return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                Advance();
                return new LiteralNode(token.Value, token.Position);
            case TokenKind.True:
                Advance();
                return new LiteralNode(ValueOps.True, token.Position);
            case TokenKind.False:
                Advance();
                return new LiteralNode(ValueOps.False, token.Position);
            case TokenKind.Null:
                Advance();
                return new LiteralNode(null, token.Position);
            case TokenKind.Identifier when Peek(1).Kind == TokenKind.LeftParen:
            case TokenKind.Contains when Peek(1).Kind == TokenKind.LeftParen:
                return ParseCall();
            case TokenKind.Identifier:
                Advance();
                _roots.Add(token.Text);
                return new RootNode(token.Text, token.Position);
            case TokenKind.LeftParen:
                Advance();
                Enter(token);
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'");
                Leave();
                return inner;
            case TokenKind.LeftBracket:
                return ParseList();
            default:
                throw token.Kind == TokenKind.End
                    ? Error($"Unexpected end of expression at {SourceColumn.Of(token.Position)}: a value is missing", token.Position)
                    : Error($"Unexpected {token.Describe()} at {SourceColumn.Of(token.Position)}: expected a value{KeywordHint(token)}", token.Position);
        }
    }

    private ExpressionNode ParseCall()
    {
        var name = Advance();
        if (!FunctionCatalog.TryGet(name.Text, out var function))
        {
            var suggestion = FunctionCatalog.SuggestFor(name.Text);
            var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
            throw new ExpressionSyntaxException(
                $"Unknown function '{name.Text}' at {SourceColumn.Of(name.Position)}.{hint}", name.Position);
        }

        var open = Advance();
        Enter(open);
        var arguments = ParseItems(TokenKind.RightParen, "')'");
        Leave();

        if (!function.Accepts(arguments.Length))
        {
            throw Error(
                $"Function '{function.Name}' at {SourceColumn.Of(name.Position)} takes {function.DescribeArity()}, but {arguments.Length} {(arguments.Length == 1 ? "was" : "were")} given",
                name.Position);
        }

        if (function.Name == "matchesAny" && FoldedCandidates(arguments[1]) is { } candidates)
        {
            return new MatchesAnyNode(arguments[0], candidates, name.Position);
        }

        return new CallNode(function, arguments, name.Position);
    }

    private ListLiteralNode ParseList()
    {
        var open = Advance();
        Enter(open);
        var items = ParseItems(TokenKind.RightBracket, "']'");
        Leave();
        return new ListLiteralNode(items, open.Position);
    }

    /// <summary>Comma-separated expressions up to and including the closing token (the opening one is consumed).</summary>
    private ExpressionNode[] ParseItems(TokenKind close, string closeText)
    {
        if (Current.Kind == close)
        {
            Advance();
            return [];
        }

        var items = new List<ExpressionNode>();
        while (true)
        {
            items.Add(ParseOr());
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            if (Current.Kind == close)
            {
                Advance();
                return [.. items];
            }

            throw Error($"Expected ',' or {closeText} at {SourceColumn.Of(Current.Position)}, found {Current.Describe()}", Current.Position);
        }
    }

    /// <summary>Folded candidates of a literal list (or single literal string) given to matchesAny, else null.</summary>
    private static string[]? FoldedCandidates(ExpressionNode candidates)
    {
        IEnumerable<object?>? items = candidates switch
        {
            ListLiteralNode { ConstantItems: { } constant } => constant,
            LiteralNode { Value: string text } => [text],
            _ => null,
        };

        return items?.Select(TextFunctions.FoldCandidate).OfType<string>().ToArray();
    }

    private Token Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private void Expect(TokenKind kind, string text)
    {
        if (Current.Kind != kind)
        {
            throw Error($"Expected {text} at {SourceColumn.Of(Current.Position)}, found {Current.Describe()}", Current.Position);
        }

        Advance();
    }

    private void Enter(Token opening)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
        {
            throw Error(
                $"Expression is nested too deeply at {SourceColumn.Of(opening.Position)}: at most {ExpressionLimits.MaxDepth} levels of parentheses, brackets, calls and prefix operators are allowed",
                opening.Position);
        }
    }

    private void Leave() => _depth--;

    private ExpressionSyntaxException Unexpected(Token token) =>
        Error($"Unexpected {token.Describe()} at {SourceColumn.Of(token.Position)}{KeywordHint(token)}", token.Position);

    private static ExpressionSyntaxException Error(string message, int position) => new(message + ".", position);

    /// <summary>" (keywords are lower-case: did you mean 'and'?)" for AND, True, NULL, ...</summary>
    private static string KeywordHint(Token token)
    {
        if (token.Kind != TokenKind.Identifier)
        {
            return string.Empty;
        }

        string[] keywords = ["true", "false", "null", "and", "or", "not", "in", "contains"];
        var keyword = Array.Find(keywords, k => string.Equals(k, token.Text, StringComparison.OrdinalIgnoreCase));
        return keyword is null ? string.Empty : $" (keywords are lower-case: did you mean '{keyword}'?)";
    }

    private static ComparisonOperator ToComparison(TokenKind kind) => kind switch
    {
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessEqual => ComparisonOperator.LessOrEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };
}
