using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

/// <summary>The turns a customer trial found misunderstood (issue 19), each pinned to what it means.</summary>
public class CustomerTrialTests
{
    [Theory]
    [InlineData("cart", "more", Intent.Cart)]
    [InlineData("that's all", "more", Intent.Checkout)]
    [InlineData("I'm done, checkout", "more", Intent.Checkout)]
    [InlineData("na all", "more", Intent.Checkout)]
    [InlineData("e don do", "more", Intent.Checkout)]
    [InlineData("shikenan", "more", Intent.Checkout)]
    [InlineData("shikenan", "confirm", Intent.Confirm)]
    [InlineData("that's all", "confirm", Intent.Confirm)]
    public async Task Words_that_move_the_order_on_are_understood(string text, string slot, Intent intent) =>
        (await Support.Rules.UnderstandAsync(text, slot)).Intent.ShouldBe(intent);

    [Theory]
    [InlineData("I go come carry am", "more")]
    [InlineData("pickup", "more")]
    [InlineData("màá wá gbà á", "more")]
    [InlineData("zan zo in karɓa", "more")]
    [InlineData("aga m abịa were ya", "more")]
    public async Task Pickup_said_while_asked_anything_else_is_the_fulfilment(string text, string slot) =>
        (await Support.Rules.UnderstandAsync(text, slot)).Fulfilment.ShouldBe(Fulfilment.Pickup);

    [Theory]
    [InlineData("how much is jollof?", Intent.Price)]
    [InlineData("jollof rice dey?", Intent.Availability)]
    [InlineData("èló ni ìrẹsì jollof", Intent.Price)]
    [InlineData("nawa ne shinkafa jollof", Intent.Price)]
    [InlineData("ego ole jollof", Intent.Price)]
    [InlineData("do you have jollof?", Intent.Availability)]
    [InlineData("ṣé ẹ ní jollof?", Intent.Availability)]
    [InlineData("akwai jollof?", Intent.Availability)]
    [InlineData("unu nwere jollof?", Intent.Availability)]
    [InlineData("what comes with the jollof?", Intent.Details)]
    public async Task A_question_about_a_dish_names_it_but_is_not_an_order(string text, Intent intent)
    {
        var result = await Support.Rules.UnderstandAsync(text);
        result.Intent.ShouldBe(intent);
        result.Items.ShouldHaveSingleItem().Sku.ShouldBe(TestCatalog.Jollof);
    }

    [Theory]
    [InlineData("is there delivery to Lekki?")]
    [InlineData("do you have")]
    public async Task A_dish_question_without_a_dish_is_not_a_dish_question(string text) =>
        (await Support.Rules.UnderstandAsync(text)).Intent.ShouldNotBeOneOf(Intent.Availability, Intent.Details);

    [Theory]
    [InlineData("make am 3", 3)]
    [InlineData("make it 3", 3)]
    [InlineData("ẹ ṣe é ní mẹ́ta", 3)]
    public async Task A_correction_is_a_quantity_not_an_order(string text, int quantity)
    {
        var result = await Support.Rules.UnderstandAsync(text, "more");
        result.Intent.ShouldBe(Intent.Quantity);
        result.Quantity.ShouldBe(quantity);
        result.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("change to delivery", Fulfilment.Delivery)]
    [InlineData("change am to delivery", Fulfilment.Delivery)]
    [InlineData("ẹ gbé e wá", Fulfilment.Delivery)]
    [InlineData("a kawo min", Fulfilment.Delivery)]
    [InlineData("bute ya", Fulfilment.Delivery)]
    public async Task Change_to_delivery_is_a_fulfilment_not_a_quantity(string text, Fulfilment fulfilment)
    {
        var result = await Support.Rules.UnderstandAsync(text, "confirm");
        result.Intent.ShouldNotBe(Intent.Quantity);
        result.Fulfilment.ShouldBe(fulfilment);
    }

    [Theory]
    [InlineData("remove the zobo")]
    [InlineData("comot the zobo")]
    [InlineData("ẹ yọ zobo kúrò")]
    [InlineData("wepụ zobo")]
    [InlineData("cire zobo")]
    public async Task Remove_the_zobo_in_every_language(string text)
    {
        var result = await Support.Rules.UnderstandAsync(text, "more");
        result.Intent.ShouldBe(Intent.Remove);
        result.Items.ShouldHaveSingleItem().Sku.ShouldBe(TestCatalog.Zobo);
    }

    [Theory]
    // Yoruba opt-outs were not recognised in the trial; with and without tone marks.
    [InlineData("ẹ má fi ọ̀rọ̀ ránṣẹ́ sí mi mọ́", "yo")]
    [InlineData("e ma fi oro ranse si mi mo", "yo")]
    [InlineData("mi ò fẹ́ ìpolówó mọ́", "yo")]
    [InlineData("mi o fe ipolowo mo", "yo")]
    [InlineData("ẹ dá ìránnilétí dúró", "yo")]
    [InlineData("e dake", "yo")]
    [InlineData("stop to dey send me message", "pcm")]
    [InlineData("una message too much", "pcm")]
    [InlineData("achọghị m mgbasa ozi ọzọ", "ig")]
    [InlineData("kwusi izitere m ozi", "ig")]
    [InlineData("ba na son saƙonku", "ha")]
    [InlineData("ku daina tunatarwa", "ha")]
    [InlineData("stop sending me promotions", "en")]
    [InlineData("take me off your list", "en")]
    public async Task Opt_outs_are_recognised_in_many_phrasings(string text, string language)
    {
        var result = await Support.Rules.UnderstandAsync(text);
        result.Intent.ShouldBe(Intent.Stop);
        result.Language.ShouldBe(language);
    }

    [Theory]
    [InlineData("I wan see una oga")]
    [InlineData("connect me to an agent")]
    [InlineData("ẹ jẹ́ kí n bá ènìyàn sọ̀rọ̀")]
    [InlineData("jikọọ m na mmadụ")]
    [InlineData("ku haɗa ni da mutum")]
    public async Task Asking_for_a_person_is_recognised_in_many_phrasings(string text) =>
        (await Support.Rules.UnderstandAsync(text)).Intent.ShouldBe(Intent.Human);

    [Theory]
    [InlineData("I want fifteen jollof", 15)]
    [InlineData("twenty jollof", 20)]
    [InlineData("mo fẹ́ ra jollof mọ́kànlá", 11)]
    [InlineData("jollof ogún", 20)]
    [InlineData("achọrọ m jollof iri na abụọ", 12)]
    [InlineData("achọrọ m jollof iri abụọ", 20)]
    [InlineData("ina son jollof goma sha biyar", 15)]
    [InlineData("ina son jollof guda goma sha uku", 13)]
    [InlineData("ina son jollof ashirin", 20)]
    public async Task Numbers_up_to_twenty_in_words(string text, int quantity) =>
        (await Support.Rules.UnderstandAsync(text)).Items.ShouldHaveSingleItem().Quantity.ShouldBe(quantity);

    [Fact]
    public async Task Units_and_a_quantity_on_each_of_several_items()
    {
        var result = await Support.Rules.UnderstandAsync("3 plates of jollof, 2 bottles of zobo and one wrap of suya");
        result.Intent.ShouldBe(Intent.Order);
        result.Items.Select(i => (i.Sku, i.Quantity)).ShouldBe([(TestCatalog.Jollof, 3), (TestCatalog.Zobo, 2), (TestCatalog.Suya, 1)]);
    }
}
