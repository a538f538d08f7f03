using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

/// <summary>A change of place at any point of the chat, in the five languages, with or without tone marks (issue 19).</summary>
public class AddressChangeTests
{
    [Theory]
    [InlineData("deliver to Lekki instead", null, "Lekki", "en")]
    [InlineData("Deliver it to Victoria Island instead please", "confirm", "Victoria Island", "en")]
    [InlineData("I'm in Surulere now", "more", "Surulere", "en")]
    [InlineData("change my address to Ikeja", "confirm", "Ikeja", "en")]
    [InlineData("na Yaba I dey now", "confirm", "Yaba", "pcm")]
    [InlineData("I dey Ajah now", "more", "Ajah", "pcm")]
    [InlineData("abeg bring am come Lekki", "confirm", "Lekki", "pcm")]
    [InlineData("mo wà ní Yaba báyìí", "confirm", "Yaba", "yo")]
    [InlineData("mo wa ni Yaba bayi", "confirm", "Yaba", "yo")]
    [InlineData("ẹ gbé e wá sí Lekki", "more", "Lekki", "yo")]
    [InlineData("e gbe e wa si Lekki", "more", "Lekki", "yo")]
    [InlineData("anọ m na Yaba ugbu a", "confirm", "Yaba", "ig")]
    [InlineData("ano m na Yaba ugbu a", "confirm", "Yaba", "ig")]
    [InlineData("bugara m ya na Ikeja", "more", "Ikeja", "ig")]
    [InlineData("ina Yaba yanzu", "confirm", "Yaba", "ha")]
    [InlineData("a kawo min Surulere", "more", "Surulere", "ha")]
    [InlineData("ku kai min Victoria Island", "confirm", "Victoria Island", "ha")]
    public async Task A_new_place_is_a_delivery_there(string text, string? awaiting, string place, string language)
    {
        var result = await Support.Rules.UnderstandAsync(text, awaiting);

        result.Intent.ShouldBe(Intent.Order);
        result.Language.ShouldBe(language);
        result.Fulfilment.ShouldBe(Fulfilment.Delivery);
        result.Address.ShouldBe(place);
        result.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("change to delivery", "confirm")]
    [InlineData("make una deliver am", "confirm")]
    [InlineData("ẹ gbé e wá", "more")]
    [InlineData("a kawo min", "confirm")]
    public async Task Delivery_without_a_place_asks_for_one(string text, string awaiting)
    {
        var result = await Support.Rules.UnderstandAsync(text, awaiting);

        result.Fulfilment.ShouldBe(Fulfilment.Delivery);
        result.Address.ShouldBeNull();
    }

    [Theory]
    [InlineData("ina son jollof yanzu")]
    [InlineData("I dey come now")]
    [InlineData("deliver to me")]
    [InlineData("I'm in the house now")]
    public async Task Ordinary_sentences_are_not_places(string text)
    {
        (await Support.Rules.UnderstandAsync(text)).Address.ShouldBeNull();
    }
}
