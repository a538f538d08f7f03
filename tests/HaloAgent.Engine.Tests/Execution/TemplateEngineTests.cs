using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Tests.Execution;

public sealed class TemplateEngineTests
{
    private readonly TemplateEngine _templates = new();

    private static readonly Dictionary<string, object?> Data = PlainValue.ObjectFromJson("""
        {
          "vars": {
            "name": "Ada",
            "cart": { "total": 1800000, "price": 0.1, "items": [ { "sku": "A1" }, { "sku": "B2" } ], "owner": { "first": "Chidi" } },
            "vip": true,
            "shop": "Tom & Jerry's <Store>"
          }
        }
        """);

    [Fact]
    public void Renders_values_from_nested_dictionaries()
    {
        _templates.Compile("Hello {{vars.name}}, {{vars.cart.owner.first}} owes {{vars.cart.total}}").Render(Data)
            .ShouldBe("Hello Ada, Chidi owes 1800000");
    }

    [Fact]
    public void Renders_decimals_as_they_are()
    {
        _templates.Compile("{{vars.cart.price}}").Render(Data).ShouldBe("0.1");
    }

    [Fact]
    public void Supports_blocks_over_plain_lists_and_booleans()
    {
        _templates.Compile("{{#if vars.vip}}VIP{{else}}regular{{/if}}:{{#each vars.cart.items}}[{{sku}}]{{/each}}").Render(Data)
            .ShouldBe("VIP:[A1][B2]");
    }

    [Fact]
    public void Does_not_HTML_escape()
    {
        _templates.Compile("Shop: {{vars.shop}} & more <b>").Render(Data).ShouldBe("Shop: Tom & Jerry's <Store> & more <b>");
    }

    [Fact]
    public void A_missing_value_renders_as_empty_text()
    {
        _templates.Compile("[{{vars.nothing.here}}]").Render(Data).ShouldBe("[]");
    }

    [Theory]
    [InlineData("Plain text, no braces")]
    [InlineData("A single { brace } is fine")]
    [InlineData("")]
    public void Plain_text_is_returned_as_it_is(string text)
    {
        TemplateEngine.IsPlain(text).ShouldBeTrue();
        var template = _templates.Compile(text);
        template.Source.ShouldBe(text);
        template.Render(Data).ShouldBe(text);
        template.Render(null).ShouldBe(text);
    }

    [Fact]
    public void Text_with_double_braces_is_not_plain()
    {
        TemplateEngine.IsPlain("Hi {{vars.name}}").ShouldBeFalse();
    }

    [Theory]
    [InlineData("{{#if x}}")]
    [InlineData("{{#if x}}yes{{/each}}")]
    [InlineData("{{/if}}")]
    public void Syntax_errors_raise_TemplateSyntaxException(string source)
    {
        Should.Throw<TemplateSyntaxException>(() => _templates.Compile(source)).Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Registered_helpers_are_available_to_every_template()
    {
        var engine = new TemplateEngine([new NairaHelper()]);

        engine.Compile("Total: {{naira vars.cart.total}}").Render(Data).ShouldBe("Total: ₦1,800,000.00");
    }

    private sealed class NairaHelper : ITemplateHelper
    {
        public string Name => "naira";

        public string Render(object?[] arguments) =>
            "₦" + Convert.ToDecimal(arguments[0], System.Globalization.CultureInfo.InvariantCulture).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
