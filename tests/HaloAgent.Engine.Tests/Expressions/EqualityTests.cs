using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class EqualityTests
{
    [Theory]
    [InlineData("1 == 1", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("12.50 == 12.5", true)]
    [InlineData("1 == 2", false)]
    [InlineData("'a' == 'a'", true)]
    [InlineData("'a' == 'A'", false)]
    [InlineData("'\u00e9' == 'e\u0301'", false)] // precomposed vs decomposed: ordinal, no normalisation
    [InlineData("true == true", true)]
    [InlineData("true == false", false)]
    [InlineData("null == null", true)]
    [InlineData("vars.nothing == null", true)]
    [InlineData("vars.missing == null", true)]
    [InlineData("vars.cart.total == 750000", true)]
    public void Same_types_compare_by_value(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("'1' == 1")]
    [InlineData("1 == '1'")]
    [InlineData("true == 1")]
    [InlineData("0 == false")]
    [InlineData("0 == null")]
    [InlineData("'' == null")]
    [InlineData("false == null")]
    [InlineData("[1] == 1")]
    [InlineData("[] == null")]
    [InlineData("vars.emptyObj == []")]
    public void Different_types_are_never_equal(string source) => Eval(source).ShouldBe(false);

    [Theory]
    [InlineData("[1, 2] == [1, 2]", true)]
    [InlineData("[1, 2] == [2, 1]", false)]
    [InlineData("[1, 2] == [1, 2, 3]", false)]
    [InlineData("[] == []", true)]
    [InlineData("[1, [2, 'x']] == [1.0, [2, 'x']]", true)]
    [InlineData("[1, [2, 'x']] == [1, [2, 'X']]", false)]
    [InlineData("vars.list == [1, 2, 3]", true)]
    [InlineData("vars.p == vars.q", true)]
    [InlineData("vars.p == vars.r", false)]
    [InlineData("vars.p == vars.s", false)]
    [InlineData("vars.s == vars.p", false)]
    [InlineData("vars.emptyObj == vars.emptyObj", true)]
    public void Lists_and_objects_compare_deeply(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("1 != 2", true)]
    [InlineData("1 != 1.00", false)]
    [InlineData("'a' != 'a'", false)]
    [InlineData("'1' != 1", true)]
    [InlineData("null != null", false)]
    [InlineData("vars.missing != null", false)]
    [InlineData("[1] != [1]", false)]
    [InlineData("vars.p != vars.r", true)]
    public void Not_equal_is_the_negation(string source, bool expected) => Eval(source).ShouldBe(expected);
}
