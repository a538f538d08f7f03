using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

/// <summary>Every lexicon category in all five languages, as customers type it (with and without tone marks).</summary>
public class IntentTests
{
    [Theory]
    // Greetings
    [InlineData("hello", Intent.Greet, "en")]
    [InlineData("Good morning!", Intent.Greet, "en")]
    [InlineData("how far", Intent.Greet, "pcm")]
    [InlineData("How you dey?", Intent.Greet, "pcm")]
    [InlineData("ẹ káàárọ̀", Intent.Greet, "yo")]
    [InlineData("e kaaro", Intent.Greet, "yo")]
    [InlineData("bawo ni", Intent.Greet, "yo")]
    [InlineData("ndewo", Intent.Greet, "ig")]
    [InlineData("kedụ ka ị mere", Intent.Greet, "ig")]
    [InlineData("sannu", Intent.Greet, "ha")]
    [InlineData("ina kwana", Intent.Greet, "ha")]
    // Browse / menu
    [InlineData("show me the menu", Intent.Browse, "en")]
    [InlineData("what do you have?", Intent.Browse, "en")]
    [InlineData("wetin una get", Intent.Browse, "pcm")]
    [InlineData("kí ni ẹ ní", Intent.Browse, "yo")]
    [InlineData("ki ni e ni", Intent.Browse, "yo")]
    [InlineData("gịnị ka unu nwere", Intent.Browse, "ig")]
    [InlineData("gini ka unu nwere", Intent.Browse, "ig")]
    [InlineData("me kuke da shi", Intent.Browse, "ha")]
    // Price
    [InlineData("how much?", Intent.Price, "en")]
    [InlineData("how much e be?", Intent.Price, "pcm")]
    [InlineData("èló ni?", Intent.Price, "yo")]
    [InlineData("elo ni", Intent.Price, "yo")]
    [InlineData("ego ole?", Intent.Price, "ig")]
    [InlineData("nawa ne?", Intent.Price, "ha")]
    // Status
    [InlineData("where is my order?", Intent.Status, "en")]
    [InlineData("where my order", Intent.Status, "pcm")]
    [InlineData("how far my order", Intent.Status, "pcm")]
    [InlineData("níbo ni oúnjẹ mi wà", Intent.Status, "yo")]
    [InlineData("ebee ka order m dị", Intent.Status, "ig")]
    [InlineData("ina oda ta", Intent.Status, "ha")]
    // Paid
    [InlineData("I have paid", Intent.Paid, "en")]
    [InlineData("I don pay", Intent.Paid, "pcm")]
    [InlineData("mo ti sanwó", Intent.Paid, "yo")]
    [InlineData("mo ti sanwo", Intent.Paid, "yo")]
    [InlineData("akwụọla m ụgwọ", Intent.Paid, "ig")]
    [InlineData("akwuola m ugwo", Intent.Paid, "ig")]
    [InlineData("na biya", Intent.Paid, "ha")]
    // Cancel
    [InlineData("cancel my order", Intent.Cancel, "en")]
    [InlineData("abeg cancel am", Intent.Cancel, "pcm")]
    [InlineData("I no want again", Intent.Cancel, "pcm")]
    [InlineData("ẹ fagilé", Intent.Cancel, "yo")]
    [InlineData("kagbuo ya", Intent.Cancel, "ig")]
    [InlineData("a soke oda", Intent.Cancel, "ha")]
    // Human
    [InlineData("I want to talk to a person", Intent.Human, "en")]
    [InlineData("make I talk to person", Intent.Human, "pcm")]
    [InlineData("mo fẹ́ bá ènìyàn sọ̀rọ̀", Intent.Human, "yo")]
    [InlineData("mo fe ba eniyan soro", Intent.Human, "yo")]
    [InlineData("achọrọ m ịgwa mmadụ okwu", Intent.Human, "ig")]
    [InlineData("ina son magana da mutum", Intent.Human, "ha")]
    // Stop / start
    [InlineData("STOP", Intent.Stop, "en")]
    [InlineData("unsubscribe", Intent.Stop, "en")]
    [InlineData("no more messages please", Intent.Stop, "en")]
    [InlineData("abeg no send me message again", Intent.Stop, "pcm")]
    [InlineData("ẹ dákẹ́", Intent.Stop, "yo")]
    [InlineData("ẹ má fi ránṣẹ́ sí mi mọ́", Intent.Stop, "yo")]
    [InlineData("kwụsị", Intent.Stop, "ig")]
    [InlineData("ezitekwala m ozi", Intent.Stop, "ig")]
    [InlineData("ku daina turo min saƙo", Intent.Stop, "ha")]
    [InlineData("START", Intent.Start, "en")]
    [InlineData("ẹ bẹ̀rẹ̀", Intent.Start, "yo")]
    [InlineData("malite", Intent.Start, "ig")]
    [InlineData("a fara", Intent.Start, "ha")]
    // Smalltalk
    [InlineData("thank you", Intent.Smalltalk, "en")]
    [InlineData("tank you", Intent.Smalltalk, "pcm")]
    [InlineData("ẹ ṣé", Intent.Smalltalk, "yo")]
    [InlineData("daalụ", Intent.Smalltalk, "ig")]
    [InlineData("na gode", Intent.Smalltalk, "ha")]
    // Order, add, remove (with products)
    [InlineData("I want to buy jollof", Intent.Order, "en")]
    [InlineData("I wan buy suya", Intent.Order, "pcm")]
    [InlineData("mo fẹ́ ra súyà", Intent.Order, "yo")]
    [InlineData("achọrọ m ịzụta suya", Intent.Order, "ig")]
    [InlineData("ina son tsire", Intent.Order, "ha")]
    [InlineData("add one more zobo", Intent.Add, "en")]
    [InlineData("add am join: zobo", Intent.Add, "pcm")]
    [InlineData("fi zobo kún", Intent.Add, "yo")]
    [InlineData("tinye zobo", Intent.Add, "ig")]
    [InlineData("ƙara zobo", Intent.Add, "ha")]
    [InlineData("remove the zobo", Intent.Remove, "en")]
    [InlineData("comot the zobo", Intent.Remove, "pcm")]
    [InlineData("yọ zobo kúrò", Intent.Remove, "yo")]
    [InlineData("wepụ zobo", Intent.Remove, "ig")]
    [InlineData("cire zobo", Intent.Remove, "ha")]
    public async Task Recognises_the_intent_and_language(string text, Intent intent, string language)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Intent.ShouldBe(intent);
        result.Language.ShouldBe(language);
        result.Provider.ShouldBe(Providers.Rules);
        result.Confidence.ShouldBeGreaterThanOrEqualTo(0.8, "every word of these messages is in the lexicon");
    }

    [Theory]
    [InlineData("yes", true, "en")]
    [InlineData("Yeah", true, "en")]
    [InlineData("ok", true, "en")]
    [InlineData("yes o", true, "pcm")]
    [InlineData("oya", true, "pcm")]
    [InlineData("bẹ́ẹ̀ni", true, "yo")]
    [InlineData("beeni", true, "yo")]
    [InlineData("ee", true, "ig")]
    [InlineData("ọ dị mma", true, "ig")]
    [InlineData("to", true, "ha")]
    [InlineData("na'am", true, "ha")]
    [InlineData("no", false, "en")]
    [InlineData("nope", false, "en")]
    [InlineData("no be am", false, "pcm")]
    [InlineData("rárá", false, "yo")]
    [InlineData("mba", false, "ig")]
    [InlineData("a'a", false, "ha")]
    [InlineData("A’a", false, "ha")]
    public async Task Answers_a_yes_no_question(string text, bool affirmative, string language)
    {
        var result = await Support.Rules.UnderstandAsync(text, Slots.Confirm);

        result.Intent.ShouldBe(affirmative ? Intent.Confirm : Intent.Decline);
        result.Affirmative.ShouldBe(affirmative);
        result.Confidence.ShouldBeGreaterThan(0.9, "an answer that fits the question just asked");
        if (language is not "en")
        {
            // Single English answer words are shared by every language, so they keep the contact's language instead.
            result.Language.ShouldBe(language);
        }
    }

    [Theory]
    [InlineData("I no want", Intent.Decline)]
    [InlineData("mi ò fẹ́", Intent.Decline)]
    [InlineData("ok thanks", Intent.Confirm)]
    public async Task Reads_a_refusal_or_acceptance_against_the_confirmation_question(string text, Intent intent)
    {
        (await Support.Rules.UnderstandAsync(text, Slots.Confirm)).Intent.ShouldBe(intent);
    }

    [Theory]
    [InlineData("Please deliver to the Ikeja bus stop")]
    [InlineData("I want jollof, stop by the shop later")]
    [InlineData("to the end of the road")]
    public async Task Opt_out_words_inside_a_sentence_do_not_unsubscribe(string text)
    {
        (await Support.Rules.UnderstandAsync(text)).Intent.ShouldNotBe(Intent.Stop);
    }

    [Theory]
    [InlineData("stop please", Intent.Stop)]
    [InlineData("STOP!!!", Intent.Stop)]
    [InlineData("abeg stop am", Intent.Stop)]
    [InlineData("unsubcribe", Intent.Stop)]
    [InlineData("cancle my order", Intent.Cancel)]
    public async Task Short_opt_outs_and_one_typo_in_long_words_are_understood(string text, Intent intent)
    {
        (await Support.Rules.UnderstandAsync(text)).Intent.ShouldBe(intent);
    }

    [Fact]
    public async Task A_typo_lowers_confidence_compared_with_the_correct_spelling()
    {
        var exact = await Support.Rules.UnderstandAsync("unsubscribe");
        var typo = await Support.Rules.UnderstandAsync("unsubcribe");

        typo.Intent.ShouldBe(exact.Intent);
        typo.Confidence.ShouldBeLessThan(exact.Confidence);
    }

    [Theory]
    [InlineData("hello, I want to buy 2 jollof", Intent.Order)]
    [InlineData("I want jollof, how much?", Intent.Price)]
    [InlineData("good morning, where is my order?", Intent.Status)]
    [InlineData("thank you, I have paid", Intent.Paid)]
    public async Task A_request_outweighs_greetings_and_courtesy(string text, Intent intent)
    {
        (await Support.Rules.UnderstandAsync(text)).Intent.ShouldBe(intent);
    }
}
