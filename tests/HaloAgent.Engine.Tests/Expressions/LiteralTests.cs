using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class LiteralTests
{
    [Theory]
    [InlineData("123", "123")]
    [InlineData("12.5", "12.5")]
    [InlineData("0.25", "0.25")]
    [InlineData("007", "7")]
    [InlineData("-5", "-5")]
    [InlineData("- 5.5", "-5.5")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Numbers_are_decimals(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Fact]
    public void Number_literal_is_a_decimal_with_its_written_value()
    {
        var value = Eval("12.50");

        value.ShouldBeOfType<decimal>().ShouldBe(12.5m);
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("''", "")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("\"it's\"", "it's")]
    [InlineData(@"'it\'s'", "it's")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"'a\\b'", @"a\b")]
    [InlineData(@"'line\nnext'", "line\nnext")]
    [InlineData(@"'tab\there'", "tab\there")]
    [InlineData("'Ẹ jọ̀ọ́ 🙂'", "Ẹ jọ̀ọ́ 🙂")]
    public void Strings_use_either_quote_and_backslash_escapes(string source, string expected) =>
        Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    public void Keyword_literals(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("[1, 2, \"a\"]", "[1, 2, \"a\"]")]
    [InlineData("[]", "[]")]
    [InlineData("[null, true, 'x']", "[null, true, \"x\"]")]
    [InlineData("[[1], [2, [3]]]", "[[1], [2, [3]]]")]
    [InlineData("[vars.name, 1 + 1, vars.missing]", "[\"Ada\", 2, null]")]
    public void List_literals(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Fact]
    public void List_literal_returns_a_new_list_on_every_evaluation()
    {
        var expression = HaloAgent.Engine.Expressions.Expression.Parse("[1, 2]");

        var first = expression.Evaluate(DefaultScope, Now).ShouldBeOfType<List<object?>>();
        first.Add(3m);
        var second = expression.Evaluate(DefaultScope, Now).ShouldBeOfType<List<object?>>();

        second.ShouldNotBeSameAs(first);
        second.Count.ShouldBe(2);
    }
}
