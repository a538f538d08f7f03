using System.Text.Json.Nodes;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Tests.Support;
using HaloAgent.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Engine.Tests.Validation;

public sealed class FlowSizeTests
{
    /// <summary>Start → n1 → n2 → … → nN, the shape that overflowed the loop check's recursion.</summary>
    internal static FlowDefinition Chain(int length)
    {
        var nodes = new List<FlowNode>(length + 1) { new() { Id = "start", Type = "Start" } };
        var edges = new List<FlowEdge>(length);
        for (var i = 1; i <= length; i++)
        {
            nodes.Add(new FlowNode
            {
                Id = $"n{i}",
                Type = "SetVariable",
                Inputs = new Dictionary<string, JsonNode?> { ["name"] = JsonValue.Create("x"), ["value"] = JsonValue.Create("1") },
            });
            edges.Add(new FlowEdge { From = i == 1 ? "start" : $"n{i - 1}", To = $"n{i}" });
        }

        return new FlowDefinition { Id = "chain", Name = "Chain", Nodes = nodes, Edges = edges };
    }

    /// <summary>Runs on a thread with a small stack, so recursion as deep as the flow is long overflows at once.</summary>
    internal static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception ex) { failure = ex; }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new AggregateException(failure);
    }

    private static EngineHarness Unlimited() =>
        new(s => s.Configure<EngineLimits>(l => { l.MaxNodes = 200_000; l.MaxEdges = 200_000; }));

    /// <summary>
    /// The crash of issue 10: the loop check recursed once per node, so a 30,000-node chain overflowed the stack and
    /// killed the process. With the limit raised out of the way and a 256 KB stack, any recursion that deep would
    /// still overflow here (and abort the test run): this passing proves the walk is iterative.
    /// </summary>
    [Fact]
    public void A_30000_node_chain_is_compiled_without_recursion_when_the_limit_allows_it()
    {
        using var engine = Unlimited();

        var flow = OnSmallStack(() => engine.Compiler.Compile(Chain(30_000), 1));

        flow.HasNode("n30000").ShouldBeTrue();
        flow.IsOnLoop("n1").ShouldBeFalse();
    }

    [Fact]
    public void The_loop_analysis_walks_100000_nodes_without_recursion()
    {
        var ids = Enumerable.Range(0, 100_000).Select(i => $"n{i}").ToList();
        var successors = ids.Take(ids.Count - 1).Select((id, i) => (id, next: ids[i + 1]))
            .ToDictionary(p => p.id, p => new List<string> { p.next }, StringComparer.Ordinal);
        successors[ids[^1]] = [ids[50_000]];

        var (cycles, onLoops) = OnSmallStack(() => (LoopAnalysis.CyclesWithoutWait(ids, successors, _ => false), LoopAnalysis.NodesOnCycles(ids, successors)));

        cycles.ShouldHaveSingleItem().Count.ShouldBe(50_001);
        onLoops.Count.ShouldBe(50_000);
        onLoops.ShouldNotContain("n49999");
        onLoops.ShouldContain("n50000");
    }

    [Fact]
    public void A_long_loop_without_a_wait_is_found_without_recursion()
    {
        using var engine = Unlimited();
        var chain = Chain(30_000);
        var looped = chain with { Edges = [.. chain.Edges, new FlowEdge { From = "n30000", To = "n1" }] };

        var errors = OnSmallStack(() => engine.Compiler.Validate(looped));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("n1");
        error.Message.ShouldStartWith("Loop without a wait: n1 -> n2 -> n3");
        error.Message.ShouldContain("n29999 -> n30000 -> n1.");
    }

    [Fact]
    public void With_the_default_limits_a_30000_node_chain_is_refused_with_the_limit_in_the_message()
    {
        using var engine = new EngineHarness();

        var errors = OnSmallStack(() => engine.Compiler.Validate(Chain(30_000)));

        errors.ShouldHaveError(null, "nodes", "The flow has 30,001 nodes; at most 2,000 are allowed (HaloAgent:Engine:Limits:MaxNodes).");
        errors.ShouldHaveError(null, "edges", "The flow has 30,000 edges; at most 4,000 are allowed (HaloAgent:Engine:Limits:MaxEdges).");
        var refused = Should.Throw<FlowTooLargeException>(() => engine.Compiler.Compile(Chain(30_000), 1));
        refused.Errors.Count.ShouldBe(2);
        Should.Throw<FlowTooLargeException>(() => engine.Compiler.EnsureWithinLimits(Chain(30_000)));
    }

    [Fact]
    public void A_flow_at_the_limits_is_accepted()
    {
        using var engine = new EngineHarness();

        engine.Compiler.Validate(Chain(1_999)).ShouldBeValid();
        Should.NotThrow(() => engine.Compiler.EnsureWithinLimits(Chain(1_999)));
    }

    [Fact]
    public void A_document_over_the_byte_limit_is_refused()
    {
        var limits = new EngineLimits { MaxDocumentBytes = 1000 };

        Should.NotThrow(() => FlowSize.EnsureDocumentWithin(1000, limits));
        Should.Throw<FlowDocumentTooLargeException>(() => FlowSize.EnsureDocumentWithin(1001, limits))
            .Message.ShouldBe("The flow document is larger than 1,000 bytes (HaloAgent:Engine:Limits:MaxDocumentBytes).");
    }

    [Theory]
    [InlineData("(")]
    [InlineData("!")]
    public void A_pathologically_nested_expression_in_a_flow_is_a_clear_error_naming_the_node(string open)
    {
        using var engine = new EngineHarness();
        var deep = string.Concat(Enumerable.Repeat(open, 3000)) + "true";
        var json = TestFlows.StartThen($$"""{ "id": "n", "type": "Decision", "inputs": { "condition": "{{deep}}" } }""");

        var errors = OnSmallStack(() => engine.Validate(json));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("condition");
        error.Message.ShouldContain("nested too deeply");
    }
}
