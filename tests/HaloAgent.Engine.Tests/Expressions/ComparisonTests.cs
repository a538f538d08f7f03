using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class ComparisonTests
{
    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 < 1", false)]
    [InlineData("2 < 2", false)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 <= 2", false)]
    [InlineData("3 > 2", true)]
    [InlineData("2 > 2", false)]
    [InlineData("2 >= 2", true)]
    [InlineData("1 >= 2", false)]
    [InlineData("-1 < 0", true)]
    [InlineData("1.5 > 1.25", true)]
    [InlineData("2.50 >= 2.5", true)]
    [InlineData("vars.cart.total >= 500000", true)]
    public void Numbers_compare_numerically(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("'a' < 'b'", true)]
    [InlineData("'b' < 'a'", false)]
    [InlineData("'B' < 'a'", true)] // ordinal: upper case sorts first
    [InlineData("'abc' >= 'abd'", false)]
    [InlineData("'abc' <= 'abc'", true)]
    [InlineData("'10' < '9'", true)] // strings are not numbers
    [InlineData("'' < 'a'", true)]
    public void Strings_compare_ordinally(string source, bool expected) => Eval(source).ShouldBe(expected);

    [Theory]
    [InlineData("'1' < 2")]
    [InlineData("'1' >= 2")]
    [InlineData("2 > '1'")]
    [InlineData("null < 1")]
    [InlineData("null >= null")]
    [InlineData("null <= null")]
    [InlineData("true > false")]
    [InlineData("[1] < [2]")]
    [InlineData("vars.missing > 0")]
    [InlineData("vars.missing <= 0")]
    [InlineData("vars.map >= vars.map")]
    public void Other_pairs_are_false_and_never_throw(string source) => Eval(source).ShouldBe(false);
}
