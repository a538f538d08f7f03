using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class ArithmeticTests
{
    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("0.1 + 0.2", "0.3")] // decimal: exact
    [InlineData("5 - 7", "-2")]
    [InlineData("2.5 * 4", "10")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("7.5 % 2", "1.5")]
    [InlineData("vars.cart.total / 100", "7500")]
    [InlineData("vars.cart.items[0].qty * vars.cart.items[0].price", "2501")]
    [InlineData("--3", "3")]
    [InlineData("-(-3)", "3")]
    [InlineData("-vars.zero", "0")]
    [InlineData("-vars.cart.total", "-750000")]
    public void Numbers(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("'a' + 'b'", "ab")]
    [InlineData("'n=' + 12.50", "n=12.5")]
    [InlineData("12.5 + 'x'", "12.5x")]
    [InlineData("'' + 100", "100")]
    [InlineData("'' + 1000000.000", "1000000")]
    [InlineData("'' + 0.0001", "0.0001")]
    [InlineData("'' + -2.50", "-2.5")]
    [InlineData("'v' + true", "vtrue")]
    [InlineData("false + 'v'", "falsev")]
    [InlineData("'v' + null", "v")]
    [InlineData("'v' + vars.missing", "v")]
    [InlineData("'list ' + [1, 'a']", "list [1,\"a\"]")]
    [InlineData("'Hi ' + vars.name + '!'", "Hi Ada!")]
    public void Plus_concatenates_when_either_side_is_a_string(string source, string expected) =>
        Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("'a' - 1", "Operator '-' at column 5 needs two numbers, got string and number.")]
    [InlineData("vars.missing + 1", "Operator '+' at column 14 needs two numbers (or a string to join), got null and number.")]
    [InlineData("true + 1", "Operator '+' at column 6 needs two numbers (or a string to join), got bool and number.")]
    [InlineData("[1] * 2", "Operator '*' at column 5 needs two numbers, got list and number.")]
    [InlineData("vars.map / 2", "Operator '/' at column 10 needs two numbers, got object and number.")]
    [InlineData("1 % null", "Operator '%' at column 3 needs two numbers, got number and null.")]
    [InlineData("-'a'", "Unary '-' at column 1 needs a number, got string.")]
    [InlineData("-vars.missing", "Unary '-' at column 1 needs a number, got null.")]
    [InlineData("1 / 0", "Division by zero at column 3 ('/').")]
    [InlineData("5 % 0", "Division by zero at column 3 ('%').")]
    [InlineData("vars.cart.total / vars.zero", "Division by zero at column 17 ('/').")]
    [InlineData("79228162514264337593543950335 + 1", "Numeric overflow at column 31 ('+').")]
    [InlineData("79228162514264337593543950335 * 2", "Numeric overflow at column 31 ('*').")]
    [InlineData("-79228162514264337593543950335 - 1", "Numeric overflow at column 32 ('-').")]
    public void Invalid_arithmetic_throws_a_readable_error(string source, string message) =>
        EvaluationError(source).Message.ShouldBe(message);
}
