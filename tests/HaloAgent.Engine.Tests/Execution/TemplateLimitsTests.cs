using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Tests.Support;
using HaloAgent.Engine.Tests.Validation;
using HaloAgent.Engine.Values;
using Microsoft.Extensions.Options;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Execution;

/// <summary>Issue 10, item 4: 10,000 nested {{#if}} cost 17 s of CPU; unknown helpers and missing partials passed validation.</summary>
public sealed class TemplateLimitsTests : IDisposable
{
    private readonly TemplateEngine _templates = new();
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private static string Nested(string open, string close, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));

    [Fact]
    public void Ten_thousand_nested_ifs_are_refused_before_Handlebars_compiles_them()
    {
        var source = Nested("{{#if vars.a}}", "{{/if}}", 10_000);

        // On a small stack: the scan is a loop, and Handlebars (which recurses per level) never sees the template.
        var roomy = new TemplateEngine(limits: Options.Create(new EngineLimits { MaxTemplateLength = 1_000_000 }));
        var error = FlowSizeTests.OnSmallStack(() => Should.Throw<TemplateSyntaxException>(() => roomy.Compile(source)));

        error.Message.ShouldBe("Blocks are nested too deeply at line 1, column 225: at most 16 levels are allowed.");
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile(source)).Message.ShouldStartWith("The template is 210,001 characters long");
    }

    [Fact]
    public void Sixteen_levels_are_accepted_and_seventeen_are_not()
    {
        var data = PlainValue.ObjectFromJson("""{ "vars": { "a": true } }""");

        _templates.Compile(Nested("{{#if vars.a}}", "{{/if}}", 16)).Render(data).ShouldBe("x");
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile(Nested("{{#if vars.a}}", "{{/if}}", 17)));
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile(Nested("{{#each vars.a}}", "{{/each}}", 4)))
            .Message.ShouldContain("{{#each}} is nested too deeply");
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile("{{lookup " + Nested("(lookup ", ")", 20) + "}}"))
            .Message.ShouldContain("Subexpressions are nested too deeply");
    }

    [Fact]
    public void A_template_longer_than_the_limit_is_refused_with_the_limit()
    {
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile("{{vars.a}}" + new string('x', 20_000)))
            .Message.ShouldBe("The template is 20,010 characters long; at most 20,000 are allowed.");
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile(new string('x', 20_001)));
    }

    [Theory]
    [InlineData("{{shout vars.name}}", "Unknown helper 'shout' at line 1, column 1.")]
    [InlineData("Hi\n  {{#loud vars.name}}x{{/loud}}", "Unknown helper 'loud' at line 2, column 3.")]
    [InlineData("{{#if (eq vars.a 1)}}x{{/if}}", "Unknown helper 'eq' at line 1, column 1.")]
    [InlineData("{{> footer}}", "Unknown partial 'footer' at line 1, column 1.")]
    [InlineData("{{#> layout}}x{{/layout}}", "Unknown partial 'layout' at line 1, column 1.")]
    public void Unknown_helpers_and_partials_are_errors(string source, string message)
    {
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile(source)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("{{vars.name}} {{{vars.name}}} {{this}} {{@index}} {{! note }} {{!-- {{nope x}} --}}")]
    [InlineData("{{#each vars.items}}{{sku}}{{else}}none{{/each}}")]
    [InlineData("{{#if vars.a}}a{{else if vars.b}}b{{^}}c{{/if}}{{#unless vars.a}}u{{/unless}}{{#with vars}}{{name}}{{/with}}")]
    [InlineData("{{lookup vars 'name'}} {{#vars.items}}{{sku}}{{/vars.items}} \\{{literal x}}")]
    [InlineData("{{~#if vars.a~}} trimmed {{~/if~}}")]
    [InlineData("{{#*inline \"row\"}}[{{sku}}]{{/inline}}{{#each vars.items}}{{> row}}{{/each}}")]
    public void Ordinary_templates_still_compile(string source)
    {
        Should.NotThrow(() => _templates.Compile(source));
    }

    [Fact]
    public void Unknown_helpers_in_a_flow_are_validation_errors_naming_node_and_input()
    {
        var errors = _engine.Validate(StartThen("""{ "id": "n", "type": "Log", "inputs": { "message": "Hi {{shout vars.name}} {{> footer}}" } }"""));

        errors.ShouldHaveError("n", "message", "Template error: Unknown helper 'shout' at line 1, column 4.", "Unknown partial 'footer'");
    }

    [Fact]
    public void A_render_that_writes_too_much_is_stopped_with_a_clear_error()
    {
        var engine = new TemplateEngine(limits: Options.Create(new EngineLimits { MaxRenderedLength = 1_000 }));
        var items = Enumerable.Range(0, 200).Select(i => (object?)(decimal)i).ToList();
        var data = new Dictionary<string, object?> { ["vars"] = new Dictionary<string, object?> { ["items"] = items } };

        var error = Should.Throw<TemplateBudgetException>(() => engine.Compile("{{#each vars.items}}item {{this}}, {{/each}}").Render(data));

        error.Message.ShouldBe("Rendering the template produced more than 1,000 characters (HaloAgent:Engine:Limits:MaxRenderedLength) and was stopped.");
    }

    [Fact]
    public void A_render_over_its_time_budget_is_stopped_with_a_clear_error()
    {
        // A zero budget: the first write is already late, whatever the machine's speed.
        var engine = new TemplateEngine(limits: Options.Create(new EngineLimits { RenderTimeout = TimeSpan.Zero }));

        var error = Should.Throw<TemplateBudgetException>(() => engine.Compile("{{#each vars.items}}{{this}}{{/each}}").Render(
            new Dictionary<string, object?> { ["vars"] = new Dictionary<string, object?> { ["items"] = new List<object?> { "a", "b" } } }));

        error.Message.ShouldBe("Rendering the template took longer than 0s (HaloAgent:Engine:Limits:RenderTimeout) and was stopped.");
    }

    [Fact]
    public async Task A_step_whose_render_is_over_budget_faults_with_the_reason()
    {
        using var engine = new EngineHarness(s => Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure<EngineLimits>(s, l => l.MaxRenderedLength = 100));
        var flow = engine.Compile(StartThen("""{ "id": "n", "type": "Log", "inputs": { "message": "{{#each vars.items}}{{this}} {{/each}}" } }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["items"] = Enumerable.Range(0, 100).Select(i => (object?)(decimal)i).ToList() });

        await engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.NodeId.ShouldBe("n");
        state.Incident.Message.ShouldContain("produced more than 100 characters");
    }
}
