using HaloAgent.Engine.Expressions;
using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class ExpressionApiTests
{
    [Theory]
    [InlineData("vars.cart.total >= 500000 && lower(event.text) contains \"pay\"", "event,vars")]
    [InlineData("lower(instance.id) == nodes['n1'].out", "instance,nodes")]
    [InlineData("1 + 2", "")]
    [InlineData("now()", "")]
    [InlineData("vars.x.vars.event", "vars")]
    [InlineData("vars.in", "vars")]
    [InlineData("coalesce(a, b, a)", "a,b")]
    [InlineData("x in y", "x,y")]
    [InlineData("[a, (b)][c]", "a,b,c")]
    [InlineData("!flag", "flag")]
    [InlineData("True == x", "True,x")]
    public void Roots_are_the_top_level_names_read(string source, string expected)
    {
        var roots = Expression.Parse(source).Roots;

        string.Join(",", roots.Order(StringComparer.Ordinal)).ShouldBe(expected);
    }

    [Fact]
    public void Roots_cannot_be_modified()
    {
        var roots = Expression.Parse("vars.a").Roots;

        var collection = roots.ShouldBeAssignableTo<ICollection<string>>()!;
        collection.IsReadOnly.ShouldBeTrue();
        Should.Throw<NotSupportedException>(() => collection.Add("event"));
        roots.Contains("vars").ShouldBeTrue();
        roots.Contains("Vars").ShouldBeFalse();
    }

    [Fact]
    public void Source_and_ToString_return_the_original_text()
    {
        const string source = "  vars.a ==  1 ";

        var expression = Expression.Parse(source);

        expression.Source.ShouldBe(source);
        expression.ToString().ShouldBe(source);
    }

    [Fact]
    public void TryParse_returns_the_expression_on_success()
    {
        Expression.TryParse("vars.a == 1", out var expression, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        expression.ShouldNotBeNull();
        expression.Source.ShouldBe("vars.a == 1");
    }

    [Fact]
    public void Parsed_once_and_evaluated_against_many_scopes()
    {
        var expression = Expression.Parse("vars.cart.total >= 500000 && lower(event.text) contains \"pay\"");

        expression.EvaluateCondition(Scope("""{ "vars": { "cart": { "total": 500000 } }, "event": { "text": "PAY" } }"""), Now).ShouldBeTrue();
        expression.EvaluateCondition(Scope("""{ "vars": { "cart": { "total": 499999.99 } }, "event": { "text": "pay" } }"""), Now).ShouldBeFalse();
        expression.EvaluateCondition(Scope("""{ "vars": { "cart": { "total": 900000 } }, "event": { "text": "hello" } }"""), Now).ShouldBeFalse();
        expression.EvaluateCondition(Scope("""{ "vars": { "cart": { "total": 900000 } } }"""), Now).ShouldBeFalse();
        expression.EvaluateCondition(Scope("{}"), Now).ShouldBeFalse();
        expression.EvaluateCondition(DefaultScope, Now).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_returns_the_value_and_EvaluateCondition_its_truthiness()
    {
        var expression = Expression.Parse("coalesce(vars.nickname, vars.name)");

        expression.Evaluate(DefaultScope, Now).ShouldBe("Ada");
        expression.EvaluateCondition(DefaultScope, Now).ShouldBeTrue();
        expression.Evaluate(Scope("""{ "vars": { "nickname": "Addie" } }"""), Now).ShouldBe("Addie");
        expression.EvaluateCondition(Scope("""{ "vars": {} }"""), Now).ShouldBeFalse();
    }

    [Fact]
    public void One_expression_can_be_evaluated_concurrently()
    {
        var expression = Expression.Parse("matchesAny(event.text, ['pay', 'ṣe']) && vars.n % 2 == 0");
        var scopes = Enumerable.Range(0, 64)
            .Select(n => Scope($$"""{ "vars": { "n": {{n}} }, "event": { "text": "I want to PAY" } }"""))
            .ToArray();

        var results = new bool[2000];
        Parallel.For(0, results.Length, i => results[i] = expression.EvaluateCondition(scopes[i % scopes.Length], Now));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].ShouldBe(i % scopes.Length % 2 == 0);
        }
    }

    [Fact]
    public void The_scope_is_not_modified()
    {
        var scope = Scope("""{ "vars": { "list": [1, 2] } }""");
        var before = Canonical(scope["vars"]);

        Expression.Parse("vars.list[5] == null && vars.missing.x == null && len(vars.list + '') > 0").Evaluate(scope, Now);

        Canonical(scope["vars"]).ShouldBe(before);
        scope.Count.ShouldBe(1);
    }

    [Fact]
    public void Null_scope_is_an_argument_error()
    {
        var expression = Expression.Parse("1");

        Should.Throw<ArgumentNullException>(() => expression.Evaluate(null!, Now));
        Should.Throw<ArgumentNullException>(() => expression.EvaluateCondition(null!, Now));
    }

    [Fact]
    public void Evaluation_errors_are_the_documented_exception_type()
    {
        var expression = Expression.Parse("vars.name * 2");

        var error = Should.Throw<ExpressionEvaluationException>(() => expression.Evaluate(DefaultScope, Now));

        error.Message.ShouldBe("Operator '*' at column 11 needs two numbers, got string and number.");
    }
}
