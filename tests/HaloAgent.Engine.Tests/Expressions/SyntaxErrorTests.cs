using HaloAgent.Engine.Expressions;
using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Empty_source_is_rejected(string source)
    {
        var error = SyntaxError(source);

        error.Message.ShouldBe("Expression is empty.");
        error.Position.ShouldBe(0);
    }

    [Fact]
    public void Null_source_is_rejected_as_empty() => SyntaxError(null!).Message.ShouldBe("Expression is empty.");

    [Theory]
    [InlineData("1 +", 3, "Unexpected end of expression at column 4: a value is missing.")]
    [InlineData("(1 + 2", 6, "Expected ')' at column 7, found end of expression.")]
    [InlineData("(1 + 2 3)", 7, "Expected ')' at column 8, found '3'.")]
    [InlineData("1 + foo(1)", 4, "Unknown function 'foo' at column 5.")]
    [InlineData("Lower(x)", 0, "Unknown function 'Lower' at column 1. Did you mean 'lower'?")]
    [InlineData("lower()", 0, "Function 'lower' at column 1 takes 1 argument, but 0 were given.")]
    [InlineData("x && lower('a', 'b')", 5, "Function 'lower' at column 6 takes 1 argument, but 2 were given.")]
    [InlineData("round(1, 2, 3)", 0, "Function 'round' at column 1 takes 1 or 2 arguments, but 3 were given.")]
    [InlineData("startsWith('a')", 0, "Function 'startsWith' at column 1 takes 2 arguments, but 1 was given.")]
    [InlineData("coalesce()", 0, "Function 'coalesce' at column 1 takes at least 1 argument, but 0 were given.")]
    [InlineData("now(1)", 0, "Function 'now' at column 1 takes no arguments, but 1 was given.")]
    [InlineData("x == 1 y", 7, "Unexpected 'y' at column 8.")]
    [InlineData("a b", 2, "Unexpected 'b' at column 3.")]
    [InlineData("'a' == 'b' 'c'", 11, "Unexpected 'c' at column 12.")]
    [InlineData("1 2", 2, "Unexpected '2' at column 3.")]
    [InlineData("a )", 2, "Unexpected ')' at column 3.")]
    [InlineData("x AND y", 2, "Unexpected 'AND' at column 3 (keywords are lower-case: did you mean 'and'?).")]
    [InlineData("1 = 1", 2, "Unexpected character '=' at column 3. Use '==' to compare.")]
    [InlineData("a & b", 2, "Unexpected character '&' at column 3. Use '&&' or 'and'.")]
    [InlineData("a | b", 2, "Unexpected character '|' at column 3. Use '||' or 'or'.")]
    [InlineData("a @ b", 2, "Unexpected character '@' at column 3.")]
    [InlineData("#", 0, "Unexpected character '#' at column 1.")]
    [InlineData("'abc", 0, "Unterminated string starting at column 1: add the closing '.")]
    [InlineData("x == \"abc\\\"", 5, "Unterminated string starting at column 6: add the closing \".")]
    [InlineData("'abc\\", 0, "Unterminated string starting at column 1: add the closing '.")]
    [InlineData("'a\\qb'", 2, "Unknown escape '\\q' at column 3. Use \\\\, \\', \\\", \\n or \\t.")]
    [InlineData("a.", 2, "Expected a member name after '.' at column 3.")]
    [InlineData("a.1", 2, "Expected a member name after '.' at column 3.")]
    [InlineData("a.'b'", 2, "Expected a member name after '.' at column 3.")]
    [InlineData("a[1", 3, "Expected ']' at column 4, found end of expression.")]
    [InlineData("[1, 2", 5, "Expected ',' or ']' at column 6, found end of expression.")]
    [InlineData("[1 2]", 3, "Expected ',' or ']' at column 4, found '2'.")]
    [InlineData("lower('a' 'b')", 10, "Expected ',' or ')' at column 11, found 'b'.")]
    [InlineData("a.b(1)", 3, "Unexpected '(' at column 4: only built-in functions can be called, e.g. lower(x).")]
    [InlineData("(1)(2)", 3, "Unexpected '(' at column 4: only built-in functions can be called, e.g. lower(x).")]
    [InlineData(")", 0, "Unexpected ')' at column 1: expected a value.")]
    [InlineData("1 + * 2", 4, "Unexpected '*' at column 5: expected a value.")]
    [InlineData("[1,]", 3, "Unexpected ']' at column 4: expected a value.")]
    [InlineData("lower(,)", 6, "Unexpected ',' at column 7: expected a value.")]
    [InlineData("in", 0, "Unexpected 'in' at column 1: expected a value.")]
    [InlineData("x == NULL + 1 +", 15, "Unexpected end of expression at column 16: a value is missing.")]
    [InlineData("!", 1, "Unexpected end of expression at column 2: a value is missing.")]
    [InlineData("99999999999999999999999999999999", 0, "Number '99999999999999999999999999999999' at column 1 is too large.")]
    [InlineData(".5", 0, "Unexpected '.' at column 1: expected a value.")]
    public void Errors_name_the_position_and_column(string source, int position, string message)
    {
        var error = SyntaxError(source);

        error.Message.ShouldBe(message);
        error.Position.ShouldBe(position);
    }

    [Fact]
    public void Column_counts_characters_across_lines()
    {
        var error = SyntaxError("vars.a &&\n  foo(1)");

        error.Position.ShouldBe(12);
        error.Message.ShouldBe("Unknown function 'foo' at column 13.");
    }

    [Fact]
    public void TryParse_reports_the_same_error()
    {
        Expression.TryParse("1 + foo(1)", out var expression, out var error).ShouldBeFalse();

        expression.ShouldBeNull();
        error.ShouldNotBeNull();
        error.Position.ShouldBe(4);
        error.Message.ShouldBe("Unknown function 'foo' at column 5.");
    }
}
