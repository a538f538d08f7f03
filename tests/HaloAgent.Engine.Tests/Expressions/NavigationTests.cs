using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class NavigationTests
{
    [Theory]
    [InlineData("vars.name", "\"Ada\"")]
    [InlineData("vars.cart.currency", "\"NGN\"")]
    [InlineData("vars.cart.items[1].sku", "\"B2\"")]
    [InlineData("vars.cart.items[0]['price']", "1250.5")]
    [InlineData("vars['name']", "\"Ada\"")]
    [InlineData("vars.map['my-key']", "\"x\"")]
    [InlineData("vars['ma' + 'p'].a", "1")]
    [InlineData("vars.list[0]", "1")]
    [InlineData("vars.list[2]", "3")]
    [InlineData("vars.list[1.0]", "2")]
    [InlineData("vars.list[vars.zero]", "1")]
    [InlineData("vars.list[len(vars.list) - 1]", "3")]
    [InlineData("vars.cart.items[len(vars.cart.items) - 1].sku", "\"B2\"")]
    [InlineData("[10, 20][1]", "20")]
    [InlineData("(vars.cart).currency", "\"NGN\"")]
    [InlineData("vars.in", "\"keyword-named\"")] // keywords are fine as member names
    [InlineData("vars.tags", "[\"vip\", \"new\"]")]
    [InlineData("vars.map", "{\"a\": 1, \"my-key\": \"x\"}")]
    public void Member_and_index_access(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Theory]
    [InlineData("vars.missing")]
    [InlineData("vars.missing.deep.deeper")]
    [InlineData("vars.nothing.x")]
    [InlineData("vars.nothing[0]")]
    [InlineData("vars.missing['x'][0].y")]
    [InlineData("unknownRoot")]
    [InlineData("unknownRoot.a.b[0]")]
    [InlineData("vars.list[3]")]
    [InlineData("vars.list[-1]")]
    [InlineData("vars.list[1.5]")]
    [InlineData("vars.list['0']")]
    [InlineData("vars.list[null]")]
    [InlineData("vars.map[0]")]
    [InlineData("vars.map['A']")] // keys are case-sensitive
    [InlineData("vars.map[null]")]
    [InlineData("vars.name.length")] // member access on a non-object
    [InlineData("vars.name[0]")]
    [InlineData("vars.list.count")]
    [InlineData("vars.cart.total.x")]
    [InlineData("vars.flag.x")]
    [InlineData("'abc'.x")]
    [InlineData("(1 + 2).x")]
    public void Missing_or_mismatched_access_is_null(string source) => Eval(source).ShouldBeNull();

    [Fact]
    public void Clr_numbers_and_dates_in_the_scope_are_read_as_decimals_and_iso_strings()
    {
        var scope = new Dictionary<string, object?>
        {
            ["count"] = 3,
            ["n"] = new Dictionary<string, object?>
            {
                ["i"] = 5,
                ["l"] = 5L,
                ["d"] = 2.5,
                ["f"] = 1.5f,
                ["nan"] = double.NaN,
                ["when"] = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(1)),
            },
            ["arr"] = new object?[] { 1, "a" },
            ["names"] = new[] { "x", "y" },
        };

        Eval("count + 1", scope).ShouldBe(4m);
        Eval("n.i", scope).ShouldBeOfType<decimal>().ShouldBe(5m);
        Eval("n.i == 5 && n.l == 5", scope).ShouldBe(true);
        Eval("n.i + n.l", scope).ShouldBe(10m);
        Eval("n.d * 2", scope).ShouldBe(5m);
        Eval("n.f + n.d", scope).ShouldBe(4m);
        Eval("n.nan", scope).ShouldBeNull();
        Eval("n.when", scope).ShouldBe("2026-11-22T10:00:00.0000000+01:00");
        Eval("hoursSince(n.when)", scope).ShouldBe(0m);
        Eval("arr[0] == 1 && len(arr) == 2 && 'a' in arr", scope).ShouldBe(true);
        Eval("arr[0]", scope).ShouldBeOfType<decimal>();
        Eval("[1, 'a'] == arr", scope).ShouldBe(true);
        Eval("'y' in names && names[0] == 'x'", scope).ShouldBe(true);
    }
}
