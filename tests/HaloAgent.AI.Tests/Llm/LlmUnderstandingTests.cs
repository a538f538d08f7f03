using System.Text.Json;
using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Llm;

/// <summary>The LLM provider against a fake OpenAI-compatible server that answers with tool calls.</summary>
public class LlmUnderstandingTests
{
    [Fact]
    public async Task Valid_tool_calls_become_the_understanding()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(
            ("report_intent", new { intent = "order", language = "yo", confidence = 0.91 }),
            ("select_items", new { items = new object[] { new { sku = TestCatalog.Suya, quantity = 3 }, new { sku = TestCatalog.Zobo } } }),
            ("set_fulfilment", new { type = "delivery", address = "5 Bode Thomas Street, Surulere" })));

        var result = await harness.UnderstandAsync("ẹ jọ̀ọ́ ẹ bá mi fi súyà mẹ́ta àti zobo ránṣẹ́ sí 5 Bode Thomas Street");

        result.Provider.ShouldBe(Providers.Llm);
        result.Intent.ShouldBe(Intent.Order);
        result.Language.ShouldBe("yo");
        result.Confidence.ShouldBe(0.91);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Suya, 3), new ItemMention(TestCatalog.Zobo, null)]);
        result.Fulfilment.ShouldBe(Fulfilment.Delivery);
        result.Address.ShouldBe("5 Bode Thomas Street, Surulere");
        result.UnknownProducts.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_request_carries_the_catalog_the_tools_and_the_conversation()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(("report_intent", new { intent = "quantity", language = "ha", confidence = 0.8 }), ("set_quantity", new { quantity = 2 })));
        ConversationTurn[] turns = [new("customer", "ina son tsire"), new("agent", "Guda nawa?")];

        var result = await harness.UnderstandAsync("biyu", Slots.Quantity, "ha", turns);

        result.Quantity.ShouldBe(2);
        var request = harness.Server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/chat/completions");
        request.Authorization.ShouldBe("Bearer " + LlmHarness.ApiKey);
        request.Model.ShouldBe(LlmHarness.Model);
        foreach (var entry in TestCatalog.Entries)
        {
            request.SystemPrompt.ShouldContain(entry.Sku);
            foreach (var name in entry.Names.Values)
            {
                request.SystemPrompt.ShouldContain(name);
            }
        }

        request.SystemPrompt.ShouldContain("| ₦3,500 |", customMessage: "prices are shown in Naira from the catalog's kobo");
        request.SystemPrompt.ShouldContain("sold out", customMessage: "moin moin has no stock");
        request.SystemPrompt.ShouldContain("a quantity (how many)");
        request.ToolNames.ShouldBe(["report_intent", "select_items", "set_quantity", "set_fulfilment", "report_unknown_products"], ignoreOrder: true);
        request.ToolParameters("select_items").GetProperty("properties").GetProperty("items").GetProperty("items")
            .GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(["sku", "quantity"], "no tool takes a price");
        request.Body.GetProperty("tool_choice").GetString().ShouldBe("required");
        request.Messages.Select(m => m.Role).ShouldBe(["system", "user", "assistant", "user"]);
        request.Messages.Skip(1).Select(m => m.Content).ShouldBe(["ina son tsire", "Guda nawa?", "biyu"]);
    }

    [Fact]
    public async Task A_base_url_without_the_v1_prefix_works_too()
    {
        await using var harness = await LlmHarness.StartAsync(baseUrl: s => s.Root.ToString().TrimEnd('/'));
        harness.Server.Replies(FakeReply.ToolCalls(("report_intent", new { intent = "browse", language = "pcm", confidence = 0.9 })));

        var result = await harness.UnderstandAsync("wetin una get");

        result.Provider.ShouldBe(Providers.Llm);
        result.Intent.ShouldBe(Intent.Browse);
        harness.Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/chat/completions");
    }

    [Theory]
    [InlineData("confirm", true)]
    [InlineData("decline", false)]
    public async Task A_yes_or_no_from_the_model_sets_affirmative(string intent, bool affirmative)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(("report_intent", new { intent, language = "ig", confidence = 0.95 })));

        var result = await harness.UnderstandAsync("ọ dị mma", Slots.Confirm);

        result.Provider.ShouldBe(Providers.Llm);
        result.Affirmative.ShouldBe(affirmative);
    }

    [Fact]
    public async Task Items_without_a_reported_intent_are_an_order_in_the_rules_language()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(("select_items", new { items = new[] { new { sku = TestCatalog.Jollof, quantity = 2 } } })));
        var rules = await Support.Rules.UnderstandAsync("mo fẹ́ ra ìrẹsì");

        var result = await harness.UnderstandAsync("mo fẹ́ ra ìrẹsì");

        result.Provider.ShouldBe(Providers.Llm);
        result.Intent.ShouldBe(Intent.Order);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)]);
        result.Language.ShouldBe(rules.Language);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("unsubscribe")]
    [InlineData("START")]
    [InlineData("😀")]
    [InlineData("")]
    public async Task Opt_out_keywords_and_empty_messages_never_reach_the_model(string text)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(("report_intent", new { intent = "order", language = "en", confidence = 1.0 })));
        var rules = await Support.Rules.UnderstandAsync(text);

        var result = await harness.UnderstandAsync(text);

        result.ShouldBe(rules);
        harness.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lone_surrogate_in_the_message_is_sent_as_valid_json()
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(FakeReply.ToolCalls(("report_intent", new { intent = "greet", language = "en", confidence = 0.9 })));

        var result = await harness.UnderstandAsync("hello \ud83d");

        result.Provider.ShouldBe(Providers.Llm);
        harness.Server.Requests.ShouldHaveSingleItem().Messages[^1].Content.ShouldBe("hello \ufffd");
    }

    [Fact]
    public async Task Options_that_are_disabled_or_incomplete_leave_the_model_unconfigured()
    {
        LlmOptions[] unusable =
        [
            new() { Enabled = false, BaseUrl = "http://127.0.0.1:1/v1", Model = "m" },
            new() { Enabled = true, BaseUrl = null, Model = "m" },
            new() { Enabled = true, BaseUrl = "not a url", Model = "m" },
            new() { Enabled = true, BaseUrl = "ftp://example.com", Model = "m" },
            new() { Enabled = true, BaseUrl = "http://127.0.0.1:1/v1", Model = " " },
            new() { Enabled = true, BaseUrl = "http://127.0.0.1:1/v1", Model = "m", Timeout = TimeSpan.Zero },
        ];

        foreach (var options in unusable)
        {
            var llm = new LlmUnderstanding(Microsoft.Extensions.Options.Options.Create(options), new RuleBasedUnderstanding(), new ListLogger<LlmUnderstanding>());
            llm.IsConfigured.ShouldBeFalse(JsonSerializer.Serialize(options));
            (await llm.UnderstandAsync(new UnderstandRequest("2 jollof", null, TestCatalog.Entries), CancellationToken.None))
                .Provider.ShouldBe(Providers.Rules);
        }
    }
}
