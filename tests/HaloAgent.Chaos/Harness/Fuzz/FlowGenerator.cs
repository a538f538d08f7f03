using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloAgent.Chaos.Fuzz;

/// <summary>
/// Random flow documents built from the real activity types, with random (mostly well-formed, sometimes broken)
/// expressions and Handlebars templates in their inputs and random edges. Most chains stay under
/// <see cref="MaxChain"/> nodes; 1 in 150 is an oversized chain of up to 30,000 nodes, which overflowed the stack in
/// FlowCompiler.CheckBusyLoops and killed the process before the flow size limits (issue 10, item 1) landed.
/// </summary>
public static class FlowGenerator
{
    public const int MaxChain = 1500;

    private static readonly string[] Types =
        ["Start", "Decision", "Switch", "Split", "Delay", "WaitForEvent", "SetVariable", "Log", "End", "SendMessage", "UnderstandMessage", "AddToCart", "Escalate", "Bogus"];

    private static readonly string[] Functions =
        ["coalesce", "len", "lower", "upper", "trim", "contains", "startsWith", "endsWith", "abs", "ceil", "floor", "round", "min", "max", "number", "string", "isEmpty", "now", "daysSince", "hoursSince", "fold", "matchesAny", "nosuch"];

    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "??", "."];

    private static readonly string[] Helpers = ["if", "unless", "each", "with", "naira", "eq", "lookup", "nosuchhelper", "log"];

    public static JsonObject Flow(Random random, string id)
    {
        var count = random.Next(150) == 0 ? random.Next(2_500, 30_001) : random.Next(25) == 0 ? random.Next(200, MaxChain) : random.Next(1, 25);
        var nodes = new JsonArray();
        var edges = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var type = i == 0 && random.Next(6) > 0 ? "Start" : Types[random.Next(Types.Length)];
            nodes.Add(new JsonObject { ["id"] = $"n{i}", ["type"] = type, ["inputs"] = Inputs(type, random) });
            if (i > 0)
            {
                var from = random.Next(4) == 0 ? random.Next(count) : i - 1; // mostly a chain, sometimes any edge (loops)
                edges.Add(new JsonObject { ["from"] = $"n{from}", ["to"] = $"n{i}", ["outcome"] = random.Next(5) == 0 ? Pick(random, "True", "False", "Received", "Timeout", "x") : null });
            }
        }

        var flow = new JsonObject { ["id"] = id, ["name"] = "Fuzz " + id, ["nodes"] = nodes, ["edges"] = edges };
        if (random.Next(4) == 0)
        {
            flow["variables"] = new JsonArray(new JsonObject { ["name"] = Pick(random, "a", "", "vars", "x y"), ["type"] = Pick(random, "string", "number", "boolean", "nope") });
        }

        if (random.Next(5) == 0)
        {
            flow["options"] = new JsonObject { ["singleton"] = random.Next(2) == 0 };
        }

        return flow;
    }

    private static JsonObject Inputs(string type, Random random) => type switch
    {
        "Start" => new JsonObject { ["trigger"] = "manual" },
        "Decision" => new JsonObject { ["condition"] = Expression(random) },
        "Switch" => new JsonObject { ["cases"] = new JsonArray(Enumerable.Range(0, random.Next(0, 5)).Select(i => (JsonNode?)new JsonObject { ["name"] = $"c{i}", ["condition"] = Expression(random) }).ToArray()) },
        "Split" => new JsonObject { ["variants"] = new JsonArray(new JsonObject { ["name"] = "a", ["weight"] = random.Next(-5, 100) }, new JsonObject { ["name"] = "b", ["weight"] = random.Next(0, 100) }) },
        "Delay" => new JsonObject { ["duration"] = Pick(random, "0s", "1s", "5m", "1d", "-1s", "99999999d", "P1D", "", "abc", "1.5h", "00:00:01") },
        "WaitForEvent" => new JsonObject { ["event"] = Pick(random, "customer.replied", "", "a b", "message.received", new string('e', 300)), ["timeout"] = Pick(random, "1d", "0s", "x") },
        "SetVariable" => new JsonObject { ["name"] = Pick(random, "x", "", "vars", "a.b", "__proto__"), ["value"] = Expression(random) },
        "Log" or "SendMessage" => new JsonObject { ["message"] = Template(random), ["template"] = Pick(random, "greeting", "thank_you", "nosuch", "../x", "") },
        _ => new JsonObject { ["text"] = Template(random) },
    };

    /// <summary>An expression of the documented language, at most a few levels deep, now and then broken.</summary>
    public static string Expression(Random random)
    {
        var text = Expr(random, random.Next(1, 6));
        return random.Next(8) switch
        {
            0 => text[..random.Next(text.Length + 1)],
            1 => text + Pick(random, ")", "(", "'", "]", "&&", "..", "\0"),
            2 => new string('(', random.Next(1, 400)) + "1" + new string(')', random.Next(1, 400)),
            3 => string.Join(" + ", Enumerable.Repeat("1", random.Next(1, 3000))),
            _ => text,
        };
    }

    private static string Expr(Random random, int depth)
    {
        if (depth <= 0)
        {
            return random.Next(8) switch
            {
                0 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
                1 => "'" + Nasty.Strings[random.Next(Nasty.Strings.Length)].Replace("'", "\\'", StringComparison.Ordinal) + "'",
                2 => Pick(random, "true", "false", "null"),
                3 => "vars." + Pick(random, "x", "steps", "awaiting", "a.b.c"),
                4 => "event." + Pick(random, "text", "type", "replyId", "location.address"),
                5 => "nodes[\"" + Pick(random, "n0", "understand", "x\"") + "\"]." + Pick(random, "text", "variant"),
                6 => (random.NextDouble() * 1e6).ToString("R", CultureInfo.InvariantCulture),
                _ => Nasty.Strings[random.Next(Nasty.Strings.Length)],
            };
        }

        return random.Next(4) switch
        {
            0 => $"{Pick(random, Functions)}({string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Expr(random, depth - 1)))})",
            1 => $"({Expr(random, depth - 1)})",
            2 => $"!{Expr(random, depth - 1)}",
            _ => $"{Expr(random, depth - 1)} {Pick(random, Operators)} {Expr(random, depth - 1)}",
        };
    }

    /// <summary>A Handlebars template with blocks, helpers, partials and paths, nesting kept small (deep nesting is item 4's limit to set).</summary>
    public static string Template(Random random)
    {
        var builder = new StringBuilder();
        TemplatePart(random, builder, random.Next(0, 4));
        var text = builder.ToString();
        return random.Next(8) switch
        {
            0 => text[..random.Next(text.Length + 1)],
            1 => text + Pick(random, "{{", "{{#if x}}", "{{/if}}", "{{> nosuch}}", "{{{", "}}"),
            _ => text,
        };
    }

    private static void TemplatePart(Random random, StringBuilder builder, int depth)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            switch (random.Next(depth > 0 ? 6 : 3))
            {
                case 0:
                    builder.Append(Nasty.Strings[random.Next(Nasty.Strings.Length)].Replace("{", "", StringComparison.Ordinal));
                    break;
                case 1:
                    builder.Append("{{").Append(Pick(random, "contact.name", "event.name", "vars.x", "business.name", "this", "../x", "@index", "a.[b]")).Append("}}");
                    break;
                case 2:
                    builder.Append("{{").Append(Pick(random, Helpers)).Append(' ').Append(Pick(random, "vars.x", "1", "'a'", "event.amount")).Append("}}");
                    break;
                case 3:
                    builder.Append("{{> ").Append(Pick(random, "nosuch", "header", "")).Append("}}");
                    break;
                default:
                    var helper = Pick(random, "if", "unless", "each", "with");
                    builder.Append("{{#").Append(helper).Append(' ').Append(Pick(random, "vars.x", "event.items", "contact")).Append("}}");
                    TemplatePart(random, builder, depth - 1);
                    if (random.Next(6) > 0)
                    {
                        builder.Append("{{/").Append(random.Next(10) == 0 ? "other" : helper).Append("}}");
                    }

                    break;
            }
        }
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}
