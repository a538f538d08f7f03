using HaloAgent.Channels.Messages;

namespace HaloAgent.Channels.Tests;

/// <summary>WhatsApp's limits are checked before a message is queued, and content serialises to Meta's shape.</summary>
public sealed class OutboundContentTests
{
    private static IEnumerable<ListRow> Rows(int count) => Enumerable.Range(1, count).Select(i => new ListRow($"r{i}", $"Row {i}"));

    [Fact]
    public void Reply_buttons_are_limited_to_three_with_titles_of_at_most_20_characters()
    {
        new ButtonsContent("Pick", [new("a", "Pickup"), new("b", "Delivery"), new("c", "12345678901234567890")]).Validate().ShouldBeEmpty();

        new ButtonsContent("Pick", [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")]).Validate().ShouldHaveSingleItem().ShouldContain("1 to 3 buttons");
        new ButtonsContent("Pick", [new("a", "123456789012345678901")]).Validate().ShouldHaveSingleItem().ShouldContain("21 characters; WhatsApp allows 20");
        new ButtonsContent("Pick", []).Validate().ShouldNotBeEmpty();
        new ButtonsContent("Pick", [new("a", "A"), new("a", "B")]).Validate().ShouldHaveSingleItem().ShouldContain("used more than once");
        new ButtonsContent(new string('x', 1025), [new("a", "A")]).Validate().ShouldHaveSingleItem().ShouldContain("1024");
        new ButtonsContent("", [new("a", "A")]).Validate().ShouldHaveSingleItem().ShouldContain("required");
    }

    [Fact]
    public void Lists_are_limited_to_ten_rows_in_all_and_the_row_and_button_lengths()
    {
        new ListContent("Menu", "See menu", [new ListSection("Rice", Rows(6).ToList()), new ListSection("Drinks", Rows(4).Select(r => r with { Id = r.Id + "d" }).ToList())])
            .Validate().ShouldBeEmpty();

        new ListContent("Menu", "See menu", [new ListSection(null, Rows(11).ToList())]).Validate().ShouldHaveSingleItem().ShouldContain("1 to 10 rows");
        new ListContent("Menu", "123456789012345678901", [new ListSection(null, Rows(1).ToList())]).Validate().ShouldHaveSingleItem().ShouldContain("List button");
        new ListContent("Menu", "See", [new ListSection(null, [new ListRow("a", new string('t', 25))])]).Validate().ShouldHaveSingleItem().ShouldContain("25 characters; WhatsApp allows 24");
        new ListContent("Menu", "See", [new ListSection(null, [new ListRow("a", "Jollof", new string('d', 73))])]).Validate().ShouldHaveSingleItem().ShouldContain("72");
        new ListContent(new string('b', 4097), "See", [new ListSection(null, Rows(1).ToList())]).Validate().ShouldHaveSingleItem().ShouldContain("4096");
        new ListContent("Menu", "See", [new ListSection("Rice", Rows(1).ToList()), new ListSection(null, [new ListRow("z", "Z")])]).Validate()
            .ShouldHaveSingleItem().ShouldContain("Section 2 title is required");
    }

    [Fact]
    public void Text_is_limited_to_4096_characters()
    {
        new TextContent(new string('a', 4096)).Validate().ShouldBeEmpty();
        new TextContent(new string('a', 4097)).Validate().ShouldNotBeEmpty();
        new TextContent("   ").Validate().ShouldNotBeEmpty();
    }

    [Fact]
    public void Images_need_exactly_one_source_and_a_short_enough_caption()
    {
        ImageContent.FromLink("https://example.com/a.jpg", "Jollof").Validate().ShouldBeEmpty();
        ImageContent.FromMediaId("12345").Validate().ShouldBeEmpty();
        ImageContent.FromLink("ftp://example.com/a.jpg").Validate().ShouldNotBeEmpty();
        ImageContent.FromLink("https://example.com/a.jpg", new string('c', 1025)).Validate().ShouldNotBeEmpty();
    }

    [Fact]
    public void A_list_serialises_to_metas_interactive_list_shape()
    {
        var list = new ListContent("Wetin you go like?", "Menu", [new ListSection("Rice", [new ListRow("sku-1", "Jollof", "₦2,500")])]) { Header = "Mama Nkechi", Footer = "Open till 9pm" };

        list.ToGraphRequest("2348030000001").ToJsonString().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"2348030000001","type":"interactive","interactive":{"type":"list","header":{"type":"text","text":"Mama Nkechi"},"body":{"text":"Wetin you go like?"},"footer":{"text":"Open till 9pm"},"action":{"button":"Menu","sections":[{"title":"Rice","rows":[{"id":"sku-1","title":"Jollof","description":"\u20A62,500"}]}]}}}""");
    }

    [Fact]
    public void Buttons_and_templates_serialise_to_metas_shapes()
    {
        new ButtonsContent("Confirm order?", [new("yes", "Yes"), new("no", "No")]).ToGraphRequest("234", "cb").ToJsonString().ShouldBe(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"234","type":"interactive","interactive":{"type":"button","body":{"text":"Confirm order?"},"action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No"}}]}},"biz_opaque_callback_data":"cb"}""");

        var template = new TemplateContent("order_update", "en", [
            new TemplateComponent("body", [TemplateParameter.Text("HN-0001")]),
            new TemplateComponent("button", [TemplateParameter.Payload("TRACK")], SubType: "quick_reply", Index: 0),
        ]);
        template.Validate().ShouldBeEmpty();
        template.ToGraphRequest("234")["template"]!.ToJsonString().ShouldBe(
            """{"name":"order_update","language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"text","text":"HN-0001"}]},{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"TRACK"}]}]}""");
        new TemplateContent("", "en").Validate().ShouldNotBeEmpty();
        new TemplateContent("x", "en", [new TemplateComponent("button", [TemplateParameter.Payload("P")])]).Validate().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("Delivery to Lekki Phase 1", 20, "Delivery to Lekki P…")]
    [InlineData("Short", 20, "Short")]
    [InlineData("Jollof 🍛🍛🍛🍛", 10, "Jollof 🍛…")]
    public void Truncate_cuts_deliberately_without_splitting_a_character(string text, int max, string expected)
    {
        var cut = WhatsAppLimits.Truncate(text, max);

        cut.ShouldBe(expected);
        cut.Length.ShouldBeLessThanOrEqualTo(max);
    }

    [Theory]
    [InlineData("2348030000001", "2348030000001")]
    [InlineData("+234 803 000 0001", "2348030000001")]
    [InlineData("whatsapp:+2348030000001", "2348030000001")]
    [InlineData("08030000001", null)]
    [InlineData("+234-803-abc", null)]
    [InlineData("", null)]
    public void WhatsApp_ids_are_international_digits(string input, string? expected)
    {
        WhatsAppId.Normalize(input).ShouldBe(expected);
    }
}
