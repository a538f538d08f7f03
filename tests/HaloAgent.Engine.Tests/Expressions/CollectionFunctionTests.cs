using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class CollectionFunctionTests
{
    [Theory]
    [InlineData("len('abc')", "3")]
    [InlineData("len('')", "0")]
    [InlineData("len('Ẹ')", "1")]
    [InlineData("len(vars.list)", "3")]
    [InlineData("len([])", "0")]
    [InlineData("len(vars.map)", "2")]
    [InlineData("len(vars.emptyObj)", "0")]
    [InlineData("len(null)", "0")]
    [InlineData("len(vars.missing)", "0")]
    public void Len(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("isEmpty(null)", true)]
    [InlineData("isEmpty(vars.missing)", true)]
    [InlineData("isEmpty('')", true)]
    [InlineData("isEmpty(' ')", false)]
    [InlineData("isEmpty([])", true)]
    [InlineData("isEmpty([0])", false)]
    [InlineData("isEmpty(vars.emptyObj)", true)]
    [InlineData("isEmpty(vars.map)", false)]
    [InlineData("isEmpty(0)", false)]
    [InlineData("isEmpty(false)", false)]
    [InlineData("isEmpty(trim('  '))", true)]
    public void IsEmpty(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("contains('abc', 'c')", true)]
    [InlineData("contains('abc', 'C')", false)]
    [InlineData("contains([1, 2], 3)", false)]
    [InlineData("contains([1, 2], 2)", true)]
    [InlineData("contains(vars.tags, 'new')", true)]
    [InlineData("contains(vars.map, 'my-key')", true)]
    [InlineData("contains(null, 'x')", false)]
    public void Contains_function_matches_the_operator(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("coalesce(null, 'a')", "\"a\"")]
    [InlineData("coalesce(vars.missing, vars.nothing, 3)", "3")]
    [InlineData("coalesce(null)", "null")]
    [InlineData("coalesce(vars.name)", "\"Ada\"")]
    [InlineData("coalesce(0, 1)", "0")]
    [InlineData("coalesce('', 'x')", "\"\"")]
    [InlineData("coalesce(false, true)", "false")]
    [InlineData("coalesce(vars.missing, [1])", "[1]")]
    [InlineData("coalesce(vars.name, 1 / 0)", "\"Ada\"")] // later arguments are not evaluated
    public void Coalesce_returns_the_first_non_null(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("len(5)", "Function 'len' at column 1 expects a string, list or object as argument 1, got number.")]
    [InlineData("1 + len(true)", "Function 'len' at column 5 expects a string, list or object as argument 1, got bool.")]
    public void Len_rejects_scalars(string source, string message) => EvaluationError(source).Message.ShouldBe(message);
}
