using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class LogicalTests
{
    [Theory]
    [InlineData("true && true", true)]
    [InlineData("true && false", false)]
    [InlineData("false && true", false)]
    [InlineData("true and true", true)]
    [InlineData("true || false", true)]
    [InlineData("false || false", false)]
    [InlineData("false or true", true)]
    [InlineData("1 and 'x'", true)]
    [InlineData("0 || ''", false)]
    [InlineData("'a' || 0", true)]
    [InlineData("false or null", false)]
    [InlineData("vars.name && vars.tags", true)]
    [InlineData("vars.empty || vars.emptyList", false)]
    public void And_or_use_truthiness_and_return_bool(string source, bool expected) =>
        Eval(source).ShouldBeOfType<bool>().ShouldBe(expected);

    [Theory]
    [InlineData("false && 1 / 0 == 0", false)]
    [InlineData("false and 'a' - 1", false)]
    [InlineData("true || 1 / 0", true)]
    [InlineData("true or -'a'", true)]
    [InlineData("vars.missing != null && vars.missing.x > 1", false)]
    public void And_or_short_circuit(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("true && 1 / 0")]
    [InlineData("false || 1 / 0")]
    public void Right_side_is_evaluated_when_needed(string source) => EvaluationError(source);

    [Theory]
    [InlineData("!true", false)]
    [InlineData("!false", true)]
    [InlineData("!0", true)]
    [InlineData("!1", false)]
    [InlineData("!''", true)]
    [InlineData("!'a'", false)]
    [InlineData("not null", true)]
    [InlineData("not vars.name", false)]
    [InlineData("![]", true)]
    [InlineData("!![]", false)]
    [InlineData("!!vars.emptyObj", false)]
    [InlineData("!!vars.map", true)]
    [InlineData("not not true", true)]
    public void Not_negates_truthiness(string source, bool expected) =>
        Eval(source).ShouldBeOfType<bool>().ShouldBe(expected);
}
