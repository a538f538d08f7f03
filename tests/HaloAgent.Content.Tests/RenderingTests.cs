using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Platform.Money;
using HaloAgent.Content.Helpers;
using HaloAgent.Engine.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Content.Tests;

public sealed class RenderingTests : IDisposable
{
    private static readonly MessageTemplates Shipped = new(MessageTemplates.DefaultPath);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "halo-templates-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void An_order_summary_lists_lines_fee_and_total_in_naira()
    {
        var delivery = Shipped.Render(MessageTemplateKeys.OrderSummary, "en", SampleData.For("en", true, delivery: true, 3, 1));
        var pickup = Shipped.Render(MessageTemplateKeys.OrderSummary, "en", SampleData.For("en", true, delivery: false, 3, 1));

        delivery.ShouldBe("""
            Here's your order:
            • 2 × Jollof rice & chicken: ₦7,000
            • 1 × Zobo (50cl): ₦700
            Subtotal: ₦7,700
            Delivery to Lekki: ₦3,500
            Address: 5 Admiralty Way, Lekki Phase 1
            *Total: ₦11,200*
            """.ReplaceLineEndings("\n"));
        pickup.ShouldContain("Pickup at our kitchen");
        pickup.ShouldEndWith("*Total: ₦7,700*");
        pickup.ShouldNotContain("Lekki");
    }

    [Theory]
    [InlineData("en", "Pickup at 14 Herbert Macaulay Way, Yaba", "Open today: 08:00–21:00", "Tuesday 08:00")]
    [InlineData("yo", "Ẹ máa wá gbà á ní 14 Herbert Macaulay Way, Yaba", "A ṣí lónìí: 08:00–21:00", "Ọjọ́ Ìṣẹ́gun 08:00")]
    [InlineData("ha", "Za ku zo ku karɓa a 14 Herbert Macaulay Way, Yaba", "Muna buɗe yau: 08:00–21:00", "Talata 08:00")]
    public void A_pickup_summary_names_the_address_and_todays_hours_and_a_closed_kitchen_says_when_it_opens(
        string language, string address, string hours, string opening)
    {
        var data = SampleData.For(language, true, delivery: false, 3, 1);
        data["business"] = TemplateData.Business(SampleData.Business with { PickupAddress = "14 Herbert Macaulay Way, Yaba" });
        data["hours"] = SampleData.Hours(closed: false, language);
        var open = Shipped.Render(MessageTemplateKeys.OrderSummary, language, data);
        open.ShouldContain(address);
        open.ShouldContain(hours);
        open.ShouldNotContain(opening);

        data["hours"] = SampleData.Hours(closed: true, language);
        Shipped.Render(MessageTemplateKeys.OrderSummary, language, data).ShouldContain(opening);
        var created = Shipped.Render(MessageTemplateKeys.OrderCreated, language, data);
        created.ShouldContain(opening);
        created.ShouldContain("14 Herbert Macaulay Way, Yaba");
    }

    [Fact]
    public void Naira_follows_the_template_language_and_shows_kobo_only_when_there_are_some()
    {
        var data = SampleData.For("ha", true, true, 3, 1);

        Shipped.Render(MessageTemplateKeys.OrderCreated, "ha", data).ShouldContain(Naira.Format(1_120_000, "ha"));
        Naira.Format(1_120_000, "ha").ShouldNotBe(Naira.Format(1_120_000, "en"));
        Shipped.Render(MessageTemplateKeys.OrderCreated, "yo", data).ShouldContain("₦11,200");
        Shipped.Render(MessageTemplateKeys.CartSummary, "en", data).ShouldContain("₦700.50");
    }

    [Fact]
    public void Plural_picks_the_word_for_the_count()
    {
        Shipped.Render(MessageTemplateKeys.ItemAdded, "en", SampleData.For("en", true, true, 3, quantity: 1)).ShouldContain("2 items");
        var one = SampleData.For("en", true, true, 3, 1);
        one["cart"] = TemplateData.Cart(SampleData.Cart(jollof: 1, zobo: 0), "en");
        Shipped.Render(MessageTemplateKeys.ItemAdded, "en", one).ShouldContain("1 item (");
        new PluralHelper().Render([0m, "item", "items"]).ShouldBe("items");
        new PluralHelper().Render([1L, "item", "items"]).ShouldBe("item");
    }

    [Fact]
    public void Out_of_stock_says_how_many_are_left_or_that_it_is_sold_out()
    {
        Shipped.Render(MessageTemplateKeys.OutOfStock, "en", SampleData.For("en", true, true, available: 3, 1)).ShouldContain("only have 3 Jollof rice & chicken left");
        var soldOut = Shipped.Render(MessageTemplateKeys.OutOfStock, "en", SampleData.For("en", true, true, available: 0, 1));
        soldOut.ShouldContain("sold out");
        soldOut.ShouldContain("How about Zobo (50cl) (₦700.50) instead?", Case.Sensitive, "a sold-out dish comes with another to have");
        Shipped.Render(MessageTemplateKeys.OutOfStock, "yo", SampleData.For("yo", true, true, available: 0, 1)).ShouldContain("dípò rẹ̀");
        Shipped.Render(MessageTemplateKeys.OutOfStock, "yo", SampleData.For("yo", true, true, available: 3, 1)).ShouldContain("Ìrẹsì jọ̀lọ́ọ̀fù");
    }

    [Fact]
    public void Unknown_languages_and_missing_keys_fall_back_to_English()
    {
        Write("en", "greeting", "Hello {{contact.name}}");
        Write("en", "thank_you", "Thank you");
        Write("yo", "greeting", "Ẹ n lẹ́ {{contact.name}}");
        var templates = new MessageTemplates(_folder);
        var data = new { contact = new { name = "Bola" } };

        templates.Render("greeting", "yo", data).ShouldBe("Ẹ n lẹ́ Bola");
        templates.Render("thank_you", "yo", data).ShouldBe("Thank you");
        templates.Render("greeting", "fr", data).ShouldBe("Hello Bola");
        templates.Render("greeting", null, data).ShouldBe("Hello Bola");
        templates.Render("greeting", "ha", data).ShouldBe("Hello Bola");
        templates.Has("thank_you", "yo").ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => templates.Render("no_such_key", "en", data)).Message.ShouldContain("no_such_key");
    }

    [Fact]
    public void Templates_are_read_and_compiled_once()
    {
        Write("en", "greeting", "Hello");
        var templates = new MessageTemplates(_folder);
        Write("en", "greeting", "Changed on disk");

        templates.Render("greeting", "en", null).ShouldBe("Hello");
    }

    [Fact]
    public void A_broken_template_is_reported_with_its_file_when_loading()
    {
        Write("en", "greeting", "Hello");
        Write("ig", "greeting", "Ndewo {{#if contact.name}}{{contact.name}}");

        var error = Should.Throw<TemplateSyntaxException>(() => new MessageTemplates(_folder));
        error.Message.ShouldContain(Path.Combine("ig", "greeting.hbs"));
    }

    [Fact]
    public void Without_English_templates_nothing_starts()
    {
        Write("yo", "greeting", "Ẹ n lẹ́");
        Should.Throw<DirectoryNotFoundException>(() => new MessageTemplates(_folder));
    }

    [Fact]
    public void Json_data_and_missing_fields_render_without_crashing()
    {
        var json = JsonSerializer.SerializeToElement(new { order = new { number = "MNK-0007", totalKobo = 250_050 } });
        var node = JsonNode.Parse("""{"order":{"number":"MNK-0008","totalKobo":100000}}""");

        Shipped.Render(MessageTemplateKeys.OrderCreated, "en", json).ShouldBe("Your order MNK-0007 is placed 🎉 Total: ₦2,500.50.");
        Shipped.Render(MessageTemplateKeys.OrderCreated, "en", node).ShouldBe("Your order MNK-0008 is placed 🎉 Total: ₦1,000.");
        Shipped.Render(MessageTemplateKeys.OrderCreated, "en", null).ShouldBe("Your order  is placed 🎉 Total: .");
    }

    [Fact]
    public void The_naira_helper_accepts_the_number_types_flows_and_code_pass()
    {
        var helper = new NairaHelper("en");
        helper.Render([350_000m]).ShouldBe("₦3,500");
        helper.Render([350_000L]).ShouldBe("₦3,500");
        helper.Render([350_000]).ShouldBe("₦3,500");
        helper.Render(["350050"]).ShouldBe("₦3,500.50");
        helper.Render([350_000m, "ha"]).ShouldBe(Naira.Format(350_000, "ha"));
        helper.Render(["lots"]).ShouldBe(string.Empty);
        Should.Throw<ArgumentException>(() => new NairaHelper("en") { Strict = true }.Render(["lots"]));
    }

    [Fact]
    public void AddHaloContent_registers_the_templates_and_gives_flow_templates_the_helpers()
    {
        var services = new ServiceCollection();
        services.AddHaloContent(MessageTemplates.DefaultPath);
        services.AddHaloContent(MessageTemplates.DefaultPath);
        services.AddSingleton<TemplateEngine>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<MessageTemplates>().Render(MessageTemplateKeys.CartEmpty, "pcm", null).ShouldStartWith("Your cart dey empty");
        provider.GetServices<ITemplateHelper>().Count().ShouldBe(2);
        var engine = provider.GetRequiredService<TemplateEngine>();
        engine.Compile("{{naira vars.total}} for {{vars.n}} {{plural vars.n \"plate\" \"plates\"}}")
            .Render(new Dictionary<string, object?> { ["vars"] = new Dictionary<string, object?> { ["total"] = 700_000m, ["n"] = 2m } })
            .ShouldBe("₦7,000 for 2 plates");
    }

    private void Write(string language, string key, string text)
    {
        var folder = Path.Combine(_folder, MessageTemplates.MessagesFolder, language);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, key + MessageTemplates.FileExtension), text);
    }
}
