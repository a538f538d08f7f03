using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class MembershipTests
{
    [Theory]
    [InlineData("'abc' contains 'b'", true)]
    [InlineData("'abc' contains 'B'", false)]
    [InlineData("'abc' contains ''", true)]
    [InlineData("'abc' contains 'abcd'", false)]
    [InlineData("'a1' contains 1", false)] // a string only contains strings
    [InlineData("[1, 2, 3] contains 2", true)]
    [InlineData("[1, 2, 3] contains 2.0", true)]
    [InlineData("[1, 2, 3] contains '2'", false)]
    [InlineData("[1, 2, 3] contains 4", false)]
    [InlineData("[[1, 2], 3] contains [1, 2]", true)]
    [InlineData("[null] contains null", true)]
    [InlineData("vars.tags contains 'vip'", true)]
    [InlineData("vars.map contains 'a'", true)] // an object contains its keys
    [InlineData("vars.map contains 'z'", false)]
    [InlineData("vars.map contains 1", false)]
    [InlineData("null contains 'a'", false)]
    [InlineData("vars.missing contains 'a'", false)]
    [InlineData("5 contains 5", false)]
    [InlineData("true contains true", false)]
    public void Contains_operator(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("'a' in ['a', 'b']", true)]
    [InlineData("'c' in ['a', 'b']", false)]
    [InlineData("'A' in ['a', 'b']", false)]
    [InlineData("2 in vars.list", true)]
    [InlineData("2.00 in vars.list", true)]
    [InlineData("'2' in vars.list", false)]
    [InlineData("'b' in 'abc'", true)]
    [InlineData("'a' in vars.map", true)]
    [InlineData("'new' in vars.tags", true)]
    [InlineData("vars.event.type in ['x']", false)]
    [InlineData("event.type in ['message', 'postback']", true)]
    [InlineData("1 in null", false)]
    [InlineData("1 in vars.missing", false)]
    public void In_operator_is_contains_reversed(string source, bool expected) => Eval(source).ShouldBe(expected);
}
