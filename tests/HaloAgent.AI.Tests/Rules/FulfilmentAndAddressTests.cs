using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

public class FulfilmentAndAddressTests
{
    [Theory]
    [InlineData("please deliver it", Fulfilment.Delivery, "en")]
    [InlineData("I will come and collect", Fulfilment.Pickup, "en")]
    [InlineData("una fit deliver?", Fulfilment.Delivery, "pcm")]
    [InlineData("bring am come", Fulfilment.Delivery, "pcm")]
    [InlineData("I go come pick am", Fulfilment.Pickup, "pcm")]
    [InlineData("ẹ gbé e wá", Fulfilment.Delivery, "yo")]
    [InlineData("màá wá gbà á", Fulfilment.Pickup, "yo")]
    [InlineData("bute ya", Fulfilment.Delivery, "ig")]
    [InlineData("aga m abịa were ya", Fulfilment.Pickup, "ig")]
    [InlineData("a kawo min", Fulfilment.Delivery, "ha")]
    [InlineData("zan zo in karɓa", Fulfilment.Pickup, "ha")]
    [InlineData("zan zo in karba", Fulfilment.Pickup, "ha")]
    public async Task Reads_pickup_or_delivery_in_every_language(string text, Fulfilment fulfilment, string language)
    {
        var result = await Support.Rules.UnderstandAsync(text, Slots.Fulfilment);

        result.Fulfilment.ShouldBe(fulfilment);
        result.Language.ShouldBe(language);
        result.Intent.ShouldBe(Intent.Order);
        result.Address.ShouldBeNull();
    }

    [Fact]
    public async Task The_last_choice_wins_when_the_customer_corrects_themselves()
    {
        (await Support.Rules.UnderstandAsync("I go come pick am... no, deliver am")).Fulfilment.ShouldBe(Fulfilment.Delivery);
    }

    [Theory]
    [InlineData("deliver to 12 Allen Avenue, Ikeja please", "12 Allen Avenue, Ikeja")]
    [InlineData("No 5 Bode Thomas St. Surulere", "No 5 Bode Thomas St. Surulere")]
    [InlineData("I want jollof. Deliver to Plot 7, Admiralty Way, Lekki. Thanks", "Plot 7, Admiralty Way, Lekki")]
    [InlineData("bring am come 3b Ogunlana Drive abeg", "3b Ogunlana Drive")]
    public async Task Finds_a_street_address_in_any_message(string text, string address)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Address.ShouldBe(address);
        result.Fulfilment.ShouldBe(Fulfilment.Delivery);
    }

    [Theory]
    [InlineData("Opposite Shoprite, Lekki Phase 1", "Opposite Shoprite, Lekki Phase 1")]
    [InlineData("my address is behind the mosque, Sabon Gari, Kano", "behind the mosque, Sabon Gari, Kano")]
    [InlineData("Ikeja GRA", "Ikeja GRA")]
    public async Task Takes_the_message_as_the_address_when_the_agent_asked_for_one(string text, string address)
    {
        var result = await Support.Rules.UnderstandAsync(text, Slots.Address);

        result.Address.ShouldBe(address);
        result.Fulfilment.ShouldBe(Fulfilment.Delivery);
        result.Quantity.ShouldBeNull("the 1 of 'Phase 1' is part of the address");
    }

    [Theory]
    [InlineData("ok", Intent.Confirm)]
    [InlineData("cancel my order", Intent.Cancel)]
    [InlineData("I want to talk to a person", Intent.Human)]
    [InlineData("add 2 zobo", Intent.Add)]
    [InlineData("I go come pick am", Intent.Order)]
    public async Task A_message_about_something_else_is_not_taken_as_the_address(string text, Intent intent)
    {
        var result = await Support.Rules.UnderstandAsync(text, Slots.Address);

        result.Address.ShouldBeNull();
        result.Intent.ShouldBe(intent);
    }

    [Fact]
    public async Task An_address_without_a_street_is_not_guessed_when_nobody_asked()
    {
        (await Support.Rules.UnderstandAsync("opposite Shoprite, Lekki")).Address.ShouldBeNull();
    }

    [Fact]
    public async Task A_very_long_address_is_cut_to_a_sane_length()
    {
        var result = await Support.Rules.UnderstandAsync(string.Concat(Enumerable.Repeat("Lekki Phase One ", 100)), Slots.Address);

        result.Address.ShouldNotBeNull();
        result.Address.Length.ShouldBeLessThanOrEqualTo(300);
        result.Address.ShouldStartWith("Lekki Phase One");
    }
}
