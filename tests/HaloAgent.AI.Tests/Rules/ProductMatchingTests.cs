using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

public class ProductMatchingTests
{
    [Theory]
    [InlineData("jollof", TestCatalog.Jollof)]
    [InlineData("jollof rice", TestCatalog.Jollof)]
    [InlineData("Jollof Rice", TestCatalog.Jollof)]
    [InlineData("jolof", TestCatalog.Jollof)]
    [InlineData("jolof rice", TestCatalog.Jollof)]
    [InlineData("jollof rce", TestCatalog.Jollof)]
    [InlineData("jellof", TestCatalog.Jollof)]
    [InlineData("party jollof", TestCatalog.Jollof)]
    [InlineData("ìrẹsì jollof", TestCatalog.Jollof)]
    [InlineData("osikapa jollof", TestCatalog.Jollof)]
    [InlineData("shinkafa jollof", TestCatalog.Jollof)]
    [InlineData("puff puff", TestCatalog.PuffPuff)]
    [InlineData("puffpuff", TestCatalog.PuffPuff)]
    [InlineData("puff-puff", TestCatalog.PuffPuff)]
    [InlineData("puf puff", TestCatalog.PuffPuff)]
    [InlineData("bofrot", TestCatalog.PuffPuff)]
    [InlineData("suya", TestCatalog.Suya)]
    [InlineData("suyaa", TestCatalog.Suya)]
    [InlineData("súyà", TestCatalog.Suya)]
    [InlineData("tsire", TestCatalog.Suya)]
    [InlineData("zoɓo", TestCatalog.Zobo)]
    [InlineData("fried rice", TestCatalog.FriedRice)]
    [InlineData("friedrice", TestCatalog.FriedRice)]
    [InlineData("moin moin", TestCatalog.Moimoi)]
    [InlineData("moimoi", TestCatalog.Moimoi)]
    [InlineData("ọ̀lẹ̀lẹ̀", TestCatalog.Moimoi)]
    [InlineData("pepper soup", TestCatalog.PepperSoup)]
    [InlineData("peppersoup", TestCatalog.PepperSoup)]
    [InlineData("goat meat pepper soup", TestCatalog.PepperSoup)]
    [InlineData("goat meat peper soup", TestCatalog.PepperSoup)]
    public async Task Finds_the_product_by_name_alias_or_typo(string product, string sku)
    {
        var result = await Support.Rules.UnderstandAsync($"I want {product}");

        result.Intent.ShouldBe(Intent.Order);
        result.Items.Select(i => i.Sku).ShouldBe([sku]);
        result.UnknownProducts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("abeg make I get jollof rice 2", "pcm")]
    [InlineData("mo fẹ́ ra jollof méjì", "yo")]
    [InlineData("mo fe ra jollof meji", "yo")]
    [InlineData("achọrọ m ịzụta jollof abụọ", "ig")]
    [InlineData("ina son shinkafa jollof guda biyu", "ha")]
    [InlineData("I want two jollof rice", "en")]
    public async Task Understands_mixed_language_orders(string text, string language)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Intent.ShouldBe(Intent.Order);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)]);
        result.Quantity.ShouldBe(2);
        result.Language.ShouldBe(language);
        result.Confidence.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public async Task Understands_suya_ordered_in_igbo()
    {
        var result = await Support.Rules.UnderstandAsync("achọrọ m ịzụta suya abụọ");

        result.Items.ShouldBe([new ItemMention(TestCatalog.Suya, 2)]);
        result.Language.ShouldBe("ig");
    }

    [Fact]
    public async Task Two_products_sharing_a_word_are_told_apart()
    {
        var result = await Support.Rules.UnderstandAsync("I want fried rice and jollof rice");

        result.Items.Select(i => i.Sku).ShouldBe([TestCatalog.FriedRice, TestCatalog.Jollof]);
    }

    [Fact]
    public async Task A_word_two_products_share_is_neither_matched_nor_unknown()
    {
        var result = await Support.Rules.UnderstandAsync("I want rice");

        result.Items.ShouldBeEmpty();
        result.UnknownProducts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("I wan buy pizza", "pizza")]
    [InlineData("mo fẹ́ ra pizza méjì", "pizza")]
    [InlineData("ina son burger", "burger")]
    [InlineData("achọrọ m ịzụta shawarma", "shawarma")]
    [InlineData("I want to buy Chicken Shawarma, please", "Chicken Shawarma")]
    public async Task Reports_products_the_catalog_does_not_have(string text, string unknown)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Intent.ShouldBe(Intent.Order);
        result.Items.ShouldBeEmpty();
        result.UnknownProducts.ShouldBe([unknown]);
    }

    [Fact]
    public async Task Reports_unknown_products_next_to_known_ones()
    {
        var result = await Support.Rules.UnderstandAsync("I want to buy jollof and burger and shawarma");

        result.Items.Select(i => i.Sku).ShouldBe([TestCatalog.Jollof]);
        result.UnknownProducts.ShouldBe(["burger", "shawarma"]);
    }

    [Fact]
    public async Task A_repeated_product_is_one_item_with_the_quantities_added()
    {
        var result = await Support.Rules.UnderstandAsync("2 jollof, 1 suya and 1 jollof");

        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 3), new ItemMention(TestCatalog.Suya, 1)]);
    }

    [Fact]
    public async Task Products_are_matched_against_the_catalog_given_not_a_built_in_one()
    {
        CatalogEntry[] catalog = [new("KUNU-1", new Dictionary<string, string> { ["ha"] = "Kunun Aya" }, ["kunu"], 50_000, 5)];
        var nlu = new RuleBasedUnderstanding();

        var withCatalog = await nlu.UnderstandAsync(new UnderstandRequest("ina son kunu guda uku", null, catalog), CancellationToken.None);
        var withoutCatalog = await nlu.UnderstandAsync(new UnderstandRequest("ina son kunu guda uku", null, []), CancellationToken.None);

        withCatalog.Items.ShouldBe([new ItemMention("KUNU-1", 3)]);
        withoutCatalog.Items.ShouldBeEmpty();
        withoutCatalog.UnknownProducts.ShouldBe(["kunu"]);
    }
}
