using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class ConversionFunctionTests
{
    [Theory]
    [InlineData("number('12.5')", "12.5")]
    [InlineData("number(' -3 ')", "-3")]
    [InlineData("number('0.10')", "0.1")]
    [InlineData("number('abc')", "null")]
    [InlineData("number('')", "null")]
    [InlineData("number('1,000')", "null")]
    [InlineData("number('1e3')", "null")]
    [InlineData("number('12,5')", "null")] // invariant culture: '.' is the decimal point
    [InlineData("number(7)", "7")]
    [InlineData("number(null)", "null")]
    [InlineData("number(true)", "null")]
    [InlineData("number([1])", "null")]
    [InlineData("number(vars.cart.items[0].price) * 2", "2501")]
    [InlineData("number('5') + 1", "6")]
    public void Number(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("string(12.50)", "12.5")]
    [InlineData("string(100)", "100")]
    [InlineData("string(1000000)", "1000000")]
    [InlineData("string(0.0001)", "0.0001")]
    [InlineData("string(-1.50)", "-1.5")]
    [InlineData("string(true)", "true")]
    [InlineData("string(false)", "false")]
    [InlineData("string(null)", "")]
    [InlineData("string('x')", "x")]
    [InlineData("string([1, 'a', null])", "[1,\"a\",null]")]
    [InlineData("string(vars.map)", "{\"a\":1,\"my-key\":\"x\"}")]
    [InlineData("string(1) == '1'", null)]
    public void String(string source, string? expected)
    {
        if (expected is null)
        {
            Eval(source).ShouldBe(true);
            return;
        }

        Eval(source).ShouldBe(expected);
    }
}
