using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class NumberFunctionTests
{
    [Theory]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-3")] // midpoints round away from zero
    [InlineData("round(2.4)", "2")]
    [InlineData("round(1.2345, 2)", "1.23")]
    [InlineData("round(1.235, 2)", "1.24")]
    [InlineData("round(1234.5678, 0)", "1235")]
    [InlineData("round(vars.cart.items[0].price, 1)", "1250.5")]
    [InlineData("round(null)", "null")]
    [InlineData("round(1.5, null)", "null")]
    [InlineData("floor(2.7)", "2")]
    [InlineData("floor(-2.1)", "-3")]
    [InlineData("ceil(2.1)", "3")]
    [InlineData("ceil(-2.7)", "-2")]
    [InlineData("ceil(3)", "3")]
    [InlineData("abs(-4.5)", "4.5")]
    [InlineData("abs(3)", "3")]
    [InlineData("floor(null)", "null")]
    [InlineData("ceil(vars.missing)", "null")]
    [InlineData("abs(null)", "null")]
    [InlineData("min(1, 2)", "1")]
    [InlineData("min(-1, -2)", "-2")]
    [InlineData("max(1, 2)", "2")]
    [InlineData("max(2.5, 2.25)", "2.5")]
    [InlineData("max(vars.cart.total, 1000000)", "1000000")]
    [InlineData("min(null, 1)", "null")]
    [InlineData("max(1, vars.missing)", "null")]
    public void Numeric_functions(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("round('x')", "Function 'round' at column 1 expects a number as argument 1, got string.")]
    [InlineData("round(1, 1.5)", "Function 'round' at column 1: the number of digits must be a whole number from 0 to 28, got 1.5.")]
    [InlineData("round(1, -1)", "Function 'round' at column 1: the number of digits must be a whole number from 0 to 28, got -1.")]
    [InlineData("round(1, 29)", "Function 'round' at column 1: the number of digits must be a whole number from 0 to 28, got 29.")]
    [InlineData("round(1, '2')", "Function 'round' at column 1: the number of digits must be a whole number from 0 to 28, got string.")]
    [InlineData("floor('1')", "Function 'floor' at column 1 expects a number as argument 1, got string.")]
    [InlineData("2 * ceil([1])", "Function 'ceil' at column 5 expects a number as argument 1, got list.")]
    [InlineData("abs(true)", "Function 'abs' at column 1 expects a number as argument 1, got bool.")]
    [InlineData("min('a', 1)", "Function 'min' at column 1 expects a number as argument 1, got string.")]
    [InlineData("max(1, vars.map)", "Function 'max' at column 1 expects a number as argument 2, got object.")]
    public void Numeric_functions_reject_non_numbers(string source, string message) =>
        EvaluationError(source).Message.ShouldBe(message);
}
