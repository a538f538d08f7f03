using System.Diagnostics;
using System.Text;
using HaloAgent.AI.Tests.Support;
using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Tests.Rules;

/// <summary>Bad input from the real world: nothing crashes, and what is not understood says so through low confidence.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    [InlineData("😀😀🔥")]
    [InlineData("🙏🏾")]
    [InlineData("?!...")]
    [InlineData("\u200d\u200b\ufeff")]
    [InlineData("\ud83d")]
    public async Task Empty_or_emoji_only_messages_are_unknown_with_low_confidence(string text)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Intent.ShouldBe(Intent.Unknown);
        result.Confidence.ShouldBeLessThan(0.2);
        result.Items.ShouldBeEmpty();
        result.Language.ShouldBe("en");
    }

    [Theory]
    [InlineData("asdkj qwe zzxv")]
    [InlineData("je voudrais du pain s'il vous plaît")]
    [InlineData("Ich möchte bitte bezahlen")]
    [InlineData("مرحبا كيف حالك")]
    [InlineData("你好，我想买东西")]
    [InlineData("lorem ipsum dolor sit amet")]
    public async Task Wrong_language_or_garbage_is_unknown_with_low_confidence(string text)
    {
        var result = await Support.Rules.UnderstandAsync(text);

        result.Intent.ShouldBe(Intent.Unknown);
        result.Confidence.ShouldBeLessThan(0.3);
        result.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Random_garbage_never_crashes_and_is_never_confident()
    {
        var random = new Random(20261122);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzẹọṣụịɗƙɓ0123456789 ,.!?'-😀\n";
        for (var i = 0; i < 300; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 120);
            for (var k = 0; k < length; k++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var text = builder.ToString();
            var result = await Support.Rules.UnderstandAsync(text, preferredLanguage: "yo");

            result.Confidence.ShouldBeInRange(0, 1, text);
            LanguageCodes.All.ShouldContain(result.Language, text);
            if (result.Intent == Intent.Unknown)
            {
                result.Confidence.ShouldBeLessThan(0.3, text);
            }
        }
    }

    [Fact]
    public async Task A_message_longer_than_the_cap_is_read_up_to_the_cap_without_failing()
    {
        var order = "I want 2 jollof. ";
        var filler = string.Concat(Enumerable.Repeat("blah blah wahala ", 600));
        var text = order + filler + " and also 3 suya";
        text.Length.ShouldBeGreaterThan(RuleBasedUnderstanding.MaxInputLength);

        var stopwatch = Stopwatch.StartNew();
        var result = await Support.Rules.UnderstandAsync(text);
        stopwatch.Stop();

        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)], "the suya is past the 4,000th character");
        result.Confidence.ShouldBeLessThan(0.8, "most of the message was not understood");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_4000_character_message_of_emoji_and_words_does_not_fail()
    {
        var text = string.Concat(Enumerable.Repeat("🔥jolof🔥 ", 400))[..4000];

        var result = await Support.Rules.UnderstandAsync(text);

        result.Items.Select(i => i.Sku).ShouldBe([TestCatalog.Jollof]);
    }

    [Fact]
    public async Task A_cut_that_falls_inside_an_emoji_does_not_break_the_text()
    {
        var text = new string('a', RuleBasedUnderstanding.MaxInputLength - 1) + "😀 hello";

        var result = await Support.Rules.UnderstandAsync(text);

        result.Intent.ShouldBe(Intent.Unknown);
    }

    [Fact]
    public async Task A_null_text_or_catalog_is_treated_as_empty()
    {
        var nlu = new RuleBasedUnderstanding();

        var result = await nlu.UnderstandAsync(new UnderstandRequest(null!, null, null!), CancellationToken.None);

        result.Intent.ShouldBe(Intent.Unknown);
    }

    [Fact]
    public async Task A_catalog_with_blank_or_odd_entries_is_tolerated()
    {
        CatalogEntry[] catalog =
        [
            new("", new Dictionary<string, string> { ["en"] = "Ghost" }, [], 100, 1),
            new("EMOJI", new Dictionary<string, string> { ["en"] = "🔥🔥" }, ["", " "], 100, 1),
            new("OK-1", new Dictionary<string, string> { ["en"] = "Chin Chin", ["xx"] = "Chin Chin" }, ["chinchin"], 100, 1),
        ];

        var result = await new RuleBasedUnderstanding().UnderstandAsync(
            new UnderstandRequest("I want chin chin and ghost", null, catalog), CancellationToken.None);

        result.Items.Select(i => i.Sku).ShouldBe(["OK-1"]);
        result.UnknownProducts.ShouldBe(["ghost"]);
    }

    [Fact]
    public async Task Understanding_more_of_a_message_means_more_confidence()
    {
        var clear = await Support.Rules.UnderstandAsync("I want 2 jollof");
        var partly = await Support.Rules.UnderstandAsync("I want 2 jollof qwerty zxcvb asdfg lkjhg");

        partly.Intent.ShouldBe(clear.Intent);
        partly.Confidence.ShouldBeLessThan(clear.Confidence);
    }

    [Fact]
    public async Task A_cancelled_token_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new RuleBasedUnderstanding().UnderstandAsync(new UnderstandRequest("hello", null, []), cancelled.Token));
    }
}
