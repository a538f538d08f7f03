using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class PrecedenceTests
{
    [Theory]
    // * / % before + -
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("2 * 3 + 4 * 5", "26")]
    [InlineData("7 - 2 * 3 % 4", "5")]
    [InlineData("10 - 6 / 2", "7")]
    // left associativity
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("100 / 10 / 5", "2")]
    [InlineData("1 + 2 + 'x'", "\"3x\"")]
    [InlineData("'x' + 1 + 2", "\"x12\"")]
    // unary binds tighter than binary, postfix tighter than unary
    [InlineData("-2 * 3", "-6")]
    [InlineData("2 * -3", "-6")]
    [InlineData("-(2 + 3)", "-5")]
    [InlineData("-vars.list[0]", "-1")]
    [InlineData("!false && false", "false")]
    [InlineData("not true or true", "true")]
    [InlineData("!vars.flag == false", "true")]
    // && before ||
    [InlineData("true || false && false", "true")]
    [InlineData("(true || false) && false", "false")]
    [InlineData("true or false and false", "true")]
    [InlineData("false && false || true", "true")]
    // arithmetic before comparison before equality before logic
    [InlineData("1 + 1 == 2", "true")]
    [InlineData("1 + 2 > 2", "true")]
    [InlineData("1 < 2 == true", "true")]
    [InlineData("2 > 1 && 3 > 2", "true")]
    [InlineData("1 == 1 && 2 == 3", "false")]
    [InlineData("'ab' + 'c' contains 'bc'", "true")]
    [InlineData("1 in [1, 2] == true", "true")]
    [InlineData("1 + 1 in [2]", "true")]
    [InlineData("vars.cart.total >= 500000 && lower(event.text) contains \"pay\"", "true")]
    public void Operators_bind_with_the_documented_precedence(string source, string expected) =>
        ShouldEvaluateTo(source, expected);
}
