using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using HaloAgent.Engine.Values;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Engine.Tests.Definitions;

/// <summary>
/// Keeps what ships with the repository honest: the flows in <c>workflows/</c> are valid, and
/// <c>docs/flow.schema.json</c> has not fallen behind the core activity catalogue.
/// </summary>
public sealed class ShippedFlowsTests
{

    private static readonly Lazy<IServiceProvider> Services = new(() =>
        new ServiceCollection().AddLogging().AddHaloEngineCore().BuildServiceProvider());

    public static TheoryData<string> ShippedFlowFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "workflows"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_shipped_flows() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "workflows"), "*.json").ShouldNotBeEmpty();

    /// <summary>
    /// Flows that use only core activities. Flows built from domain activities (agent, commerce, marketing) are compiled
    /// with the server's full catalogue in HaloAgent.Server.Tests; since the welcome journey sends real messages, every
    /// shipped flow is one of those, so this may find none (the engine's own tests cover the core catalogue).
    /// </summary>
    private static IEnumerable<string> CoreFlowFiles()
    {
        var registry = Services.Value.GetRequiredService<ActivityRegistry>();
        return Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "workflows"), "*.json").Order(StringComparer.Ordinal)
            .Where(file => FlowJson.Deserialize(File.ReadAllText(file)).Nodes.All(n => registry.TryGet(n.Type, out _)))
            .Select(Path.GetFileName)
            .OfType<string>();
    }

    [Fact]
    public void Shipped_flows_on_the_core_activities_alone_deserialise_and_compile_without_errors()
    {
        var compiler = Services.Value.GetRequiredService<FlowCompiler>();
        foreach (var fileName in CoreFlowFiles())
        {
            var definition = LoadFlow(fileName);
            compiler.Validate(definition).Select(e => e.ToString()).ShouldBeEmpty($"{fileName} has validation errors");
            compiler.Compile(definition, version: 1).FlowId.ShouldBe(definition.Id);
        }
    }

    [Theory]
    [MemberData(nameof(ShippedFlowFiles))]
    public void Shipped_flow_id_matches_the_schema_id_pattern(string fileName)
    {
        var definition = LoadFlow(fileName);
        var pattern = Schema()["properties"]!["id"]!["pattern"]!.GetValue<string>();

        Regex.IsMatch(definition.Id, pattern).ShouldBeTrue($"'{definition.Id}' ({fileName}) does not match the schema's id pattern {pattern}");
    }

    [Fact]
    public void Schema_is_json_with_the_expected_header()
    {
        var schema = Schema();

        schema["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        schema["$id"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["id", "name"], ignoreOrder: true);
    }

    [Fact]
    public void Schema_has_a_node_refinement_for_every_core_activity()
    {
        var refined = NodeRefinements(Schema()).Keys.ToHashSet(StringComparer.Ordinal);
        var registry = Services.Value.GetRequiredService<ActivityRegistry>();

        var missing = registry.Descriptors.Select(d => d.Type).Where(t => !refined.Contains(t)).ToList();

        registry.Descriptors.ShouldNotBeEmpty();
        missing.ShouldBeEmpty("docs/flow.schema.json has no if/then refinement for these activity types");
    }

    [Fact]
    public void Schema_refinements_describe_the_inputs_the_descriptors_declare()
    {
        var schema = Schema();
        var refinements = NodeRefinements(schema);
        var registry = Services.Value.GetRequiredService<ActivityRegistry>();
        var problems = new List<string>();

        foreach (var descriptor in registry.Descriptors)
        {
            var inputs = refinements.TryGetValue(descriptor.Type, out var then) ? Resolve(schema, then["properties"]?["inputs"]) : null;
            if (inputs is null)
            {
                problems.Add($"{descriptor.Type}: no inputs schema in its refinement");
                continue;
            }

            var properties = inputs["properties"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            var declared = descriptor.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(declared.Except(properties).Select(name => $"{descriptor.Type}: input '{name}' is missing from the schema"));
            problems.AddRange(properties.Except(declared).Select(name => $"{descriptor.Type}: the schema has input '{name}', the descriptor does not"));

            var required = inputs["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
            problems.AddRange(descriptor.Inputs.Where(i => i.Required && !required.Contains(i.Name))
                .Select(i => $"{descriptor.Type}: required input '{i.Name}' is not required in the schema"));

            foreach (var input in descriptor.Inputs.Where(i => i.Options is not null && properties.Contains(i.Name)))
            {
                var options = Resolve(schema, inputs["properties"]![input.Name])?["enum"]?.AsArray().Select(o => o!.GetValue<string>()).ToList() ?? [];
                if (!options.Order(StringComparer.Ordinal).SequenceEqual(input.Options!.Order(StringComparer.Ordinal)))
                {
                    problems.Add($"{descriptor.Type}.{input.Name}: schema enum [{string.Join(", ", options)}] differs from the options [{string.Join(", ", input.Options!)}]");
                }
            }
        }

        problems.ShouldBeEmpty("docs/flow.schema.json differs from the core activity descriptors");
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("15m")]
    [InlineData("2h")]
    [InlineData("1d")]
    [InlineData("1d 2h")]
    [InlineData("1d2h")]
    [InlineData("1w")]
    [InlineData("500ms")]
    [InlineData("PT30M")]
    [InlineData("P1DT2H")]
    [InlineData("01:30:00")]
    public void Documented_durations_parse_and_match_the_schema(string text)
    {
        DurationParser.TryParse(text, out _).ShouldBeTrue();
        DurationPatterns().Any(p => Regex.IsMatch(text, p)).ShouldBeTrue($"the schema's duration patterns reject '{text}'");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("30x")]
    [InlineData("P")]
    public void Non_durations_are_rejected_by_parser_and_schema(string text)
    {
        DurationParser.TryParse(text, out _).ShouldBeFalse();
        DurationPatterns().Any(p => Regex.IsMatch(text, p)).ShouldBeFalse($"the schema's duration patterns accept '{text}'");
    }

    [Fact]
    public void Schema_retry_delay_pattern_accepts_what_FlowJson_writes()
    {
        var pattern = Schema()["$defs"]!["retry"]!["properties"]!["delay"]!["pattern"]!.GetValue<string>();
        var definition = new FlowDefinition
        {
            Id = "retry-check",
            Name = "Retry check",
            Nodes = [new FlowNode { Id = "n", Type = "Log", Retry = new RetryPolicy { MaxRetries = 2, Delay = TimeSpan.FromSeconds(90) } }],
        };

        var written = JsonNode.Parse(FlowJson.Serialize(definition))!["nodes"]![0]!["retry"]!["delay"]!.GetValue<string>();

        written.ShouldBe("00:01:30");
        Regex.IsMatch(written, pattern).ShouldBeTrue();
        FlowJson.Deserialize(FlowJson.Serialize(definition)).Nodes[0].Retry!.Delay.ShouldBe(TimeSpan.FromSeconds(90));
    }

    private static FlowDefinition LoadFlow(string fileName) =>
        FlowJson.Deserialize(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "workflows", fileName)));

    private static JsonNode Schema() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "flow.schema.json")))
        ?? throw new InvalidOperationException("docs/flow.schema.json is empty.");

    /// <summary>Every <c>if: { properties: { type: { const: X } } }</c> in the schema, by X, with its <c>then</c>.</summary>
    private static Dictionary<string, JsonNode> NodeRefinements(JsonNode schema)
    {
        var found = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        Walk(schema);
        return found;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["if"]?["properties"]?["type"]?["const"] is JsonValue type && type.TryGetValue<string>(out var name) && obj["then"] is { } then)
                    {
                        found[name] = then;
                    }

                    foreach (var (_, child) in obj)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    /// <summary>Follows local <c>$ref</c>s (<c>#/$defs/...</c>).</summary>
    private static JsonNode? Resolve(JsonNode schema, JsonNode? node)
    {
        for (var hops = 0; node?["$ref"] is JsonValue reference && hops < 10; hops++)
        {
            var path = reference.GetValue<string>();
            path.ShouldStartWith("#/");
            node = path[2..].Split('/').Aggregate<string, JsonNode?>(schema, (current, segment) => current?[segment]);
        }

        return node;
    }

    private static IReadOnlyList<string> DurationPatterns() =>
        Schema()["$defs"]!["duration"]!["anyOf"]!.AsArray()
            .Select(p => p!["pattern"]!.GetValue<string>())
            .Where(p => p != "\\{\\{")
            .ToList();
}
