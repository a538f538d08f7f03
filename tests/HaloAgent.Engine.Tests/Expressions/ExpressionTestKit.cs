using System.Globalization;
using System.Text.Json;
using HaloAgent.Engine.Expressions;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Tests.Expressions;

/// <summary>Shared scope, clock and assertions for the expression tests.</summary>
internal static class ExpressionTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The scope most tests evaluate against (as produced by <see cref="PlainValue"/> from JSON).</summary>
    public const string DefaultScopeJson = """
        {
          "vars": {
            "cart": {
              "total": 750000,
              "currency": "NGN",
              "items": [
                { "sku": "A1", "qty": 2, "price": 1250.50 },
                { "sku": "B2", "qty": 1, "price": 99 }
              ]
            },
            "name": "Ada",
            "empty": "",
            "zero": 0,
            "flag": true,
            "nothing": null,
            "list": [1, 2, 3],
            "emptyList": [],
            "emptyObj": {},
            "tags": ["vip", "new"],
            "map": { "a": 1, "my-key": "x" },
            "p": { "a": 1, "b": [1, "x"] },
            "q": { "b": [1, "x"], "a": 1.0 },
            "r": { "a": 1, "b": [1, "y"] },
            "s": { "a": 1 },
            "in": "keyword-named",
            "keywords": ["àbụ̀ọ", "pay"]
          },
          "event": { "text": "  I want to PAY now ", "type": "message" },
          "instance": { "startedAt": "2026-11-20T09:00:00Z" }
        }
        """;

    private static readonly IReadOnlyDictionary<string, object?> DefaultScopeValue = Scope(DefaultScopeJson);

    public static IReadOnlyDictionary<string, object?> DefaultScope => DefaultScopeValue;

    public static IReadOnlyDictionary<string, object?> Scope(string json) => PlainValue.ObjectFromJson(json);

    public static object? Eval(string source) => Expression.Parse(source).Evaluate(DefaultScope, Now);

    public static object? Eval(string source, IReadOnlyDictionary<string, object?> scope) =>
        Expression.Parse(source).Evaluate(scope, Now);

    /// <summary>Asserts that <paramref name="source"/> evaluates to the plain value written as JSON in <paramref name="expectedJson"/>.</summary>
    public static void ShouldEvaluateTo(string source, string expectedJson, IReadOnlyDictionary<string, object?>? scope = null)
    {
        var actual = Expression.Parse(source).Evaluate(scope ?? DefaultScope, Now);
        using var expected = JsonDocument.Parse(expectedJson);
        Canonical(actual).ShouldBe(Canonical(PlainValue.FromJson(expected.RootElement)), $"source: {source}");
    }

    public static ExpressionSyntaxException SyntaxError(string source) =>
        Should.Throw<ExpressionSyntaxException>(() => Expression.Parse(source));

    public static ExpressionEvaluationException EvaluationError(string source, IReadOnlyDictionary<string, object?>? scope = null)
    {
        var expression = Expression.Parse(source); // must parse: the failure is at run time
        return Should.Throw<ExpressionEvaluationException>(() => expression.Evaluate(scope ?? DefaultScope, Now));
    }

    /// <summary>
    /// Type-strict text form of a plain value: numbers must be decimals (compared without trailing zeros),
    /// object keys are sorted, anything that is not plain shows its CLR type so it can never match.
    /// </summary>
    public static string Canonical(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        string s => JsonSerializer.Serialize(s),
        List<object?> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        Dictionary<string, object?> dict => "{" + string.Join(",", dict.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => JsonSerializer.Serialize(kv.Key) + ":" + Canonical(kv.Value))) + "}",
        _ => $"<{value.GetType().Name}:{value}>",
    };
}
