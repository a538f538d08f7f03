using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Llm;

/// <summary>The model only proposes: tool calls outside the contract are refused, logged, and never reach the result.</summary>
public class MaliciousToolCallTests
{
    private static readonly (string, object) Order = ("report_intent", new { intent = "order", language = "en", confidence = 0.9 });

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(1_000_000_000)]
    public async Task An_out_of_range_quantity_is_refused(int quantity)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(Order,
            ("select_items", new { items = new object[] { new { sku = TestCatalog.Jollof, quantity }, new { sku = TestCatalog.Suya, quantity = 2 } } })));

        var result = await harness.UnderstandAsync("I want jollof and 2 suya");

        result.Provider.ShouldBe(Providers.Llm);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Suya, 2)]);
        result.Confidence.ShouldBeLessThan(0.9, "a model proposing an absurd quantity is trusted less");
        harness.Log.Lines.ShouldContain(l => l.Contains("quantity") && l.Contains(TestCatalog.Jollof) && l.Contains("refused"));
    }

    [Theory]
    [InlineData("1e9")]
    [InlineData("2.5")]
    [InlineData("-1")]
    [InlineData("\"lots\"")]
    [InlineData("\"1e9\"")]
    [InlineData("true")]
    [InlineData("[2]")]
    public async Task A_quantity_that_is_not_a_whole_number_is_refused(string rawQuantity)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.RawToolCalls(
            ("report_intent", """{"intent":"order","language":"en","confidence":0.9}"""),
            ("select_items", $$"""{"items":[{"sku":"{{TestCatalog.Zobo}}","quantity":{{rawQuantity}}}]}""")));

        var result = await harness.UnderstandAsync("zobo");

        result.Provider.ShouldBe(Providers.Llm);
        result.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("2.0", 2)]
    [InlineData("\"3\"", 3)]
    [InlineData("\"two\"", 2)]
    [InlineData("\"méjì\"", 2)]
    [InlineData("\"guda biyu\"", 2)]
    [InlineData("null", null)]
    public async Task A_whole_quantity_written_as_a_number_or_a_word_is_accepted(string rawQuantity, int? quantity)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.RawToolCalls(
            ("select_items", $$"""{"items":[{"sku":"{{TestCatalog.Zobo}}","quantity":{{rawQuantity}}}]}""")));

        var result = await harness.UnderstandAsync("zobo");

        result.Items.ShouldBe([new ItemMention(TestCatalog.Zobo, quantity)]);
    }

    [Fact]
    public async Task An_unknown_sku_is_refused_and_reported_as_an_unknown_product()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(Order,
            ("select_items", new { items = new[] { new { sku = "PIZZA-XL", quantity = 1 }, new { sku = TestCatalog.Jollof.ToLowerInvariant(), quantity = 2 } } })));

        var result = await harness.UnderstandAsync("one pizza and 2 jollof");

        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)], "SKUs match case-insensitively and come back as the catalog spells them");
        result.UnknownProducts.ShouldBe(["PIZZA-XL"]);
        harness.Log.Lines.ShouldContain(l => l.Contains("PIZZA-XL") && l.Contains("not in the catalog"));
    }

    [Fact]
    public async Task A_price_override_is_refused_wherever_it_hides()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(
            ("report_intent", new { intent = "order", language = "en", confidence = 0.9, total = 0 }),
            ("select_items", new { items = new object[] { new { sku = TestCatalog.PepperSoup, quantity = 2, price = 1 } } }),
            ("select_items", new { items = new object[] { new { sku = TestCatalog.Suya, quantity = 1 } }, discount_percent = 100 }),
            ("set_fulfilment", new { type = "delivery", delivery_fee_kobo = 0 }),
            ("select_items", new { items = new object[] { new { sku = TestCatalog.Zobo, quantity = 4 } } })));

        var result = await harness.UnderstandAsync("2 pepper soup for ₦1 abeg, 1 suya, 4 zobo");

        result.Provider.ShouldBe(Providers.Llm);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Zobo, 4)]);
        result.Fulfilment.ShouldBeNull();
        result.Intent.ShouldBe(Intent.Order, "inferred from the one accepted item call, not from the tainted report");
        result.Confidence.ShouldBeLessThan(0.8);
        harness.Log.Lines.Count(l => l.Contains("prices come from the catalog only")).ShouldBe(4);
    }

    [Fact]
    public async Task An_unknown_tool_is_ignored_and_logged()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(
            ("create_order", new { sku = TestCatalog.Jollof, quantity = 50 }),
            ("set_price", new { sku = TestCatalog.Jollof, price_kobo = 1 }),
            ("report_intent", new { intent = "price", language = "pcm", confidence = 0.85 }),
            ("select_items", new { items = new[] { new { sku = TestCatalog.Jollof } } })));

        var result = await harness.UnderstandAsync("how much be jollof");

        result.Provider.ShouldBe(Providers.Llm);
        result.Intent.ShouldBe(Intent.Price);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, null)]);
        harness.Log.Lines.ShouldContain(l => l.Contains("unknown tool create_order"));
        harness.Log.Lines.ShouldContain(l => l.Contains("unknown tool set_price"));
    }

    [Theory]
    [InlineData("buy_everything")]
    [InlineData("3")]
    [InlineData("Order, Paid")]
    [InlineData("")]
    public async Task An_unknown_intent_is_refused(string intent)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(
            ("report_intent", new { intent, language = "en", confidence = 0.99 }),
            ("set_fulfilment", new { type = "pickup" })));

        var result = await harness.UnderstandAsync("I go come pick am");

        result.Provider.ShouldBe(Providers.Llm);
        result.Intent.ShouldBe(Intent.Order, "only the fulfilment call was accepted");
        result.Fulfilment.ShouldBe(Fulfilment.Pickup);
        harness.Log.Lines.ShouldContain(l => l.Contains("unknown intent"));
    }

    [Fact]
    public async Task When_everything_the_model_said_is_refused_the_rules_answer()
    {
        const string text = "abeg make I get jollof rice 2";
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.RawToolCalls(
            ("report_intent", """{"intent":"give_away","language":"en"}"""),
            ("select_items", $$"""{"items":[{"sku":"{{TestCatalog.Jollof}}","quantity":-2,"unit_price":0}]}"""),
            ("select_items", """{"items":[{"sku":"","quantity":1},{"quantity":1}]}"""),
            ("set_quantity", """{"quantity":0}"""),
            ("set_fulfilment", """{"type":"teleport"}"""),
            ("select_items", "this is not json"),
            ("select_items", "[1,2,3]"),
            ("drop_tables", "{}")));
        var rules = await Support.Rules.UnderstandAsync(text);

        var result = await harness.UnderstandAsync(text);

        result.ShouldBe(rules);
        result.Provider.ShouldBe(Providers.Rules);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)]);
        harness.Log.Lines.ShouldContain(l => l.Contains("none was valid"));
    }

    [Fact]
    public async Task Unknown_product_names_are_bounded()
    {
        await using var harness = await LlmHarness.StartAsync();
        var names = Enumerable.Range(1, 20).Select(i => $"thing {i} " + new string('x', 100)).ToArray();
        harness.Server.Replies(FakeReply.ToolCalls(Order, ("report_unknown_products", new { names })));

        var result = await harness.UnderstandAsync("I want many things");

        result.UnknownProducts.Count.ShouldBe(5);
        result.UnknownProducts.ShouldAllBe(n => n.Length <= 60);
    }
}
