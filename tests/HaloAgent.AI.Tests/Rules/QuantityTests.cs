using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

public class QuantityTests
{
    [Theory]
    [InlineData("2", 2)]
    [InlineData("x2", 2)]
    [InlineData("2x", 2)]
    [InlineData("2️⃣", 2)]
    [InlineData("two", 2)]
    [InlineData("ten please", 10)]
    [InlineData("make am 3", 3)]
    [InlineData("meji", 2)]
    [InlineData("méjì", 2)]
    [InlineData("ọ̀kan", 1)]
    [InlineData("mẹ́ta", 3)]
    [InlineData("meta", 3)]
    [InlineData("mẹ́rin", 4)]
    [InlineData("márùn-ún", 5)]
    [InlineData("marun", 5)]
    [InlineData("mẹ́fà", 6)]
    [InlineData("méje", 7)]
    [InlineData("mẹ́jọ", 8)]
    [InlineData("mẹ́sàn-án", 9)]
    [InlineData("mẹ́wàá", 10)]
    [InlineData("mewaa", 10)]
    [InlineData("otu", 1)]
    [InlineData("abụọ", 2)]
    [InlineData("abuo", 2)]
    [InlineData("atọ", 3)]
    [InlineData("anọ", 4)]
    [InlineData("ise", 5)]
    [InlineData("isii", 6)]
    [InlineData("asaa", 7)]
    [InlineData("asatọ", 8)]
    [InlineData("itoolu", 9)]
    [InlineData("iri", 10)]
    [InlineData("ɗaya", 1)]
    [InlineData("daya", 1)]
    [InlineData("biyu", 2)]
    [InlineData("guda biyu", 2)]
    [InlineData("uku", 3)]
    [InlineData("huɗu", 4)]
    [InlineData("hudu", 4)]
    [InlineData("biyar", 5)]
    [InlineData("shida", 6)]
    [InlineData("bakwai", 7)]
    [InlineData("takwas", 8)]
    [InlineData("tara", 9)]
    [InlineData("goma", 10)]
    public async Task Reads_a_quantity_answer_in_every_language(string text, int quantity)
    {
        var result = await Support.Rules.UnderstandAsync(text, Slots.Quantity);

        result.Intent.ShouldBe(Intent.Quantity);
        result.Quantity.ShouldBe(quantity);
        result.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2 jollof and one suya", TestCatalog.Jollof, 2, TestCatalog.Suya, 1)]
    [InlineData("jollof 2, suya 1", TestCatalog.Jollof, 2, TestCatalog.Suya, 1)]
    [InlineData("I want 3 puffpuff and 2 zobo", TestCatalog.PuffPuff, 3, TestCatalog.Zobo, 2)]
    [InlineData("ẹ jọ̀ọ́ mo fẹ́ ra súyà mẹ́ta àti zobo méjì", TestCatalog.Suya, 3, TestCatalog.Zobo, 2)]
    [InlineData("biko achọrọ m ịzụta jollof atọ na zobo otu", TestCatalog.Jollof, 3, TestCatalog.Zobo, 1)]
    [InlineData("don Allah ina son tsire guda uku da zoɓo guda biyu", TestCatalog.Suya, 3, TestCatalog.Zobo, 2)]
    [InlineData("two plates of jollof rice and 4 puff-puff", TestCatalog.Jollof, 2, TestCatalog.PuffPuff, 4)]
    public async Task Gives_each_quantity_to_the_product_it_was_said_with(string text, string firstSku, int firstQuantity, string secondSku, int secondQuantity)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Intent.ShouldBe(Intent.Order);
        result.Items.ShouldBe([new ItemMention(firstSku, firstQuantity), new ItemMention(secondSku, secondQuantity)]);
        result.Quantity.ShouldBeNull("every quantity belongs to a product");
    }

    [Theory]
    [InlineData("I want 150 jollof")]
    [InlineData("I want 0 jollof")]
    [InlineData("jollof for ₦3,500")]
    public async Task Numbers_that_cannot_be_a_quantity_are_not_one(string text)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, null)]);
        result.Quantity.ShouldBeNull();
    }

    [Fact]
    public async Task A_house_number_is_not_a_quantity()
    {
        var result = await Support.Rules.UnderstandAsync("I want jollof, deliver to 12 Allen Avenue, Ikeja");

        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, null)]);
        result.Quantity.ShouldBeNull();
        result.Address.ShouldBe("12 Allen Avenue, Ikeja");
    }

    [Fact]
    public async Task A_quantity_said_with_an_unknown_product_stays_with_it()
    {
        var result = await Support.Rules.UnderstandAsync("2 jollof and 1 pizza");

        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)]);
        result.UnknownProducts.ShouldBe(["pizza"]);
    }
}
