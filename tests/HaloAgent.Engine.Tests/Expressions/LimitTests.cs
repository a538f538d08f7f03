using HaloAgent.Engine.Expressions;
using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class LimitTests
{
    private const string TooDeep =
        "Expression is nested too deeply at column {0}: at most 64 levels of parentheses, brackets, calls and prefix operators are allowed.";

    [Fact]
    public void Source_of_4000_characters_is_accepted()
    {
        var source = ("1" + string.Concat(Enumerable.Repeat(" + 1", 999))).PadRight(4000);
        source.Length.ShouldBe(4000);

        Expression.Parse(source).Evaluate(DefaultScope, Now).ShouldBe(1000m);
    }

    [Fact]
    public void Source_longer_than_4000_characters_is_rejected()
    {
        var source = ("1" + string.Concat(Enumerable.Repeat(" + 1", 999))).PadRight(4001);

        var error = SyntaxError(source);

        error.Position.ShouldBe(4000);
        error.Message.ShouldBe("Expression is too long at column 4001: at most 4000 characters are allowed, got 4001.");
    }

    [Theory]
    [InlineData("(", "1", ")", "1")]
    [InlineData("!", "true", "", "true")]
    [InlineData("-", "1", "", "1")]
    [InlineData("[", "", "]", "[]")]
    [InlineData("abs(", "1", ")", "1")]
    public void Nesting_of_64_levels_is_accepted(string open, string inner, string close, string expectedJson)
    {
        var source = Repeat(open, 64) + inner + Repeat(close, 64);

        var value = Expression.Parse(source).Evaluate(DefaultScope, Now);

        if (open == "[")
        {
            Canonical(value).ShouldStartWith("[[[[");
            return;
        }

        Canonical(value).ShouldBe(expectedJson);
    }

    [Theory]
    [InlineData("(", "1", ")", 64)]
    [InlineData("!", "true", "", 64)]
    [InlineData("not ", "true", "", 256)]
    [InlineData("-", "1", "", 64)]
    [InlineData("[", "", "]", 64)]
    [InlineData("vars[", "'a'", "]", 324)]
    [InlineData("lower(", "'a'", ")", 389)]
    [InlineData("-(", "1", ")", 64)]
    public void Nesting_of_65_levels_is_rejected_at_the_opening_token(string open, string inner, string close, int position)
    {
        var source = Repeat(open, 65) + inner + Repeat(close, 65);

        var error = SyntaxError(source);

        error.Position.ShouldBe(position);
        error.Message.ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, TooDeep, position + 1));
    }

    [Theory]
    [InlineData("(")]
    [InlineData("-")]
    [InlineData("[")]
    [InlineData("!(")]
    public void Pathological_nesting_is_a_syntax_error_not_a_stack_overflow(string open)
    {
        var source = Repeat(open, 3990 / open.Length) + "1";

        SyntaxError(source).Position.ShouldBe(64 / open.Length * open.Length);
    }

    [Fact]
    public void Long_operator_and_member_chains_are_not_nesting()
    {
        var sum = "1" + string.Concat(Enumerable.Repeat("+1", 1999));
        var path = "vars" + string.Concat(Enumerable.Repeat(".x", 1990));

        Expression.Parse(sum).Evaluate(DefaultScope, Now).ShouldBe(2000m);
        Expression.Parse(path).Evaluate(DefaultScope, Now).ShouldBeNull();
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
