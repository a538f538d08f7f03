using HaloAgent.Engine.Expressions;
using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class TruthinessTests
{
    [Theory]
    [InlineData("null", false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("0", false)]
    [InlineData("0.00", false)]
    [InlineData("-0", false)]
    [InlineData("1", true)]
    [InlineData("-1", true)]
    [InlineData("0.5", true)]
    [InlineData("''", false)]
    [InlineData("' '", true)]
    [InlineData("'0'", true)]
    [InlineData("'false'", true)]
    [InlineData("[]", false)]
    [InlineData("[0]", true)]
    [InlineData("[null]", true)]
    [InlineData("vars.emptyObj", false)]
    [InlineData("vars.map", true)]
    [InlineData("vars.missing", false)]
    [InlineData("vars.empty", false)]
    [InlineData("vars.zero", false)]
    [InlineData("vars.emptyList", false)]
    [InlineData("vars.name", true)]
    public void EvaluateCondition_uses_truthiness(string source, bool expected) =>
        Expression.Parse(source).EvaluateCondition(DefaultScope, Now).ShouldBe(expected);

    [Fact]
    public void EvaluateCondition_reports_evaluation_errors()
    {
        var expression = Expression.Parse("vars.name > 1 || 1 / vars.zero");

        Should.Throw<ExpressionEvaluationException>(() => expression.EvaluateCondition(DefaultScope, Now));
    }
}
