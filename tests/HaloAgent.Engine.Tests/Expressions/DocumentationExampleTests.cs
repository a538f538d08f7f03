using HaloAgent.Engine.Expressions;
using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

/// <summary>The examples in docs/expressions.md behave as documented.</summary>
public sealed class DocumentationExampleTests
{
    private const string RecipeScopeJson = """
        {
          "vars": {
            "cart": { "total": 650000 },
            "status": "paid",
            "lastReminderAt": "2026-11-21T08:00:00Z",
            "order": { "id": "A-17" }
          },
          "event": { "text": " Ẹ JỌ̀Ọ́, 12 ", "type": "message" }
        }
        """;

    [Theory]
    [InlineData("coalesce(vars.cart.total, 0) >= 500000", "true")]
    [InlineData("lower(event.text) contains \"pay\"", "false")]
    [InlineData("matchesAny(event.text, [\"ẹ jọ̀ọ́\", \"biko\", \"don Allah\"])", "true")]
    [InlineData("event.type in [\"message\", \"postback\"]", "true")]
    [InlineData("not (vars.status in [\"cancelled\", \"refunded\"])", "true")]
    [InlineData("hoursSince(vars.lastReminderAt) >= 24 || vars.lastReminderAt == null", "true")]
    [InlineData("number(trim(event.text)) > 0", "false")]
    [InlineData("\"Order \" + vars.order.id + \": NGN \" + string(round(vars.cart.total / 100, 2))", "\"Order A-17: NGN 6500\"")]
    [InlineData("not vars.status in [\"cancelled\"]", "false")] // the documented pitfall: (not "paid") in [...]
    public void Recipes(string source, string expected) => ShouldEvaluateTo(source, expected, Scope(RecipeScopeJson));

    [Theory]
    [InlineData("1 + foo(1)", "Unknown function 'foo' at column 5.")]
    [InlineData("(1 + 2", "Expected ')' at column 7, found end of expression.")]
    [InlineData("x == 1 y", "Unexpected 'y' at column 8.")]
    [InlineData("lower(\"a\", \"b\")", "Function 'lower' at column 1 takes 1 argument, but 2 were given.")]
    public void Syntax_error_table(string source, string message) => SyntaxError(source).Message.ShouldBe(message);

    [Fact]
    public void Using_it_from_code()
    {
        Expression.TryParse("vars.cart.total >= 500000 && lower(event.text) contains \"pay\"", out var expression, out _)
            .ShouldBeTrue();

        expression.Roots.Except(["vars", "event", "instance", "nodes"]).ShouldBeEmpty();
        expression.EvaluateCondition(DefaultScope, Now).ShouldBeTrue();
    }
}
