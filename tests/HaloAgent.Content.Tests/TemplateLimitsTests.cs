using HaloAgent.Engine;
using HaloAgent.Engine.Templates;

namespace HaloAgent.Content.Tests;

/// <summary>Issue 10, item 4, for message templates: bounded size and nesting, known helpers only, bounded renders.</summary>
public sealed class TemplateLimitsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "halo-template-limits-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Hi {{shout contact.name}}", "Unknown helper 'shout' at line 1, column 4.")]
    [InlineData("{{> signature}}", "Unknown partial 'signature' at line 1, column 1.")]
    public void A_template_with_an_unknown_helper_or_partial_is_refused_with_its_file(string text, string problem)
    {
        Write("en", "greeting", text);

        var error = Should.Throw<TemplateSyntaxException>(() => new MessageTemplates(_folder));

        error.Message.ShouldContain(Path.Combine("en", "greeting.hbs"));
        error.Message.ShouldEndWith(problem);
    }

    [Fact]
    public void A_deeply_nested_template_is_refused_before_Handlebars_compiles_it()
    {
        Write("en", "greeting", string.Concat(Enumerable.Repeat("{{#if a}}", 1_000)) + "x" + string.Concat(Enumerable.Repeat("{{/if}}", 1_000)));

        Should.Throw<TemplateSyntaxException>(() => new MessageTemplates(_folder)).Message.ShouldContain("Blocks are nested too deeply at line 1, column 145");
    }

    [Fact]
    public void The_shipped_helpers_are_known()
    {
        Write("en", "total", "{{naira order.totalKobo}} for {{plural n \"plate\" \"plates\"}}");

        new MessageTemplates(_folder).Render("total", "en", new { order = new { totalKobo = 100_000 }, n = 2m }).ShouldBe("₦1,000 for plates");
    }

    [Fact]
    public void A_render_that_produces_too_much_text_is_stopped_with_a_clear_error()
    {
        Write("en", "cart", "{{#each items}}• {{name}}\n{{/each}}");
        var templates = new MessageTemplates(_folder, new EngineLimits { MaxRenderedLength = 10_000 });
        var items = Enumerable.Range(0, 5_000).Select(i => new { name = $"item {i}" }).ToList();

        var error = Should.Throw<TemplateBudgetException>(() => templates.Render("cart", "en", new { items }));

        error.Message.ShouldBe("Rendering the template produced more than 10,000 characters (HaloAgent:Engine:Limits:MaxRenderedLength) and was stopped.");
    }

    [Fact]
    public void A_render_over_its_time_budget_is_stopped_with_a_clear_error()
    {
        Write("en", "cart", "{{#each items}}{{name}}{{/each}}");
        var templates = new MessageTemplates(_folder, new EngineLimits { RenderTimeout = TimeSpan.Zero });

        Should.Throw<TemplateBudgetException>(() => templates.Render("cart", "en", new { items = new[] { new { name = "rice" } } }))
            .Message.ShouldContain("(HaloAgent:Engine:Limits:RenderTimeout)");
    }

    private void Write(string language, string key, string text)
    {
        var folder = Path.Combine(_folder, MessageTemplates.MessagesFolder, language);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, key + MessageTemplates.FileExtension), text);
    }
}
