using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Rules;

public class LanguageDetectionTests
{
    [Theory]
    [InlineData("Good afternoon, can I have the menu please", null, "en")]
    [InlineData("abeg wetin una get today", null, "pcm")]
    [InlineData("I want jollof abeg", null, "pcm")]
    [InlineData("Ẹ jọ̀ọ́, ṣé ẹ ní súyà?", null, "yo")]
    [InlineData("Biko, ọ dị?", null, "ig")]
    [InlineData("ụnụ nwere suya?", null, "ig")]
    [InlineData("Don Allah ina son tsire", null, "ha")]
    [InlineData("ƙara ɗaya", null, "ha")]
    public async Task Detects_the_language_from_words_and_letters(string text, string? preferred, string language)
    {
        (await Support.Rules.UnderstandAsync(text, preferredLanguage: preferred)).Language.ShouldBe(language);
    }

    [Theory]
    [InlineData("2", "yo")]
    [InlineData("ok", "ig")]
    [InlineData("hello", "ha")]
    [InlineData("jollof", "pcm")]
    [InlineData("👍", "yo")]
    public async Task Keeps_the_contacts_language_when_the_message_says_too_little(string text, string preferred)
    {
        (await Support.Rules.UnderstandAsync(text, preferredLanguage: preferred)).Language.ShouldBe(preferred);
    }

    [Theory]
    [InlineData("mo fẹ́ ra jollof méjì", "ha", "yo")]
    [InlineData("I want to buy two jollof rice please", "ig", "en")]
    [InlineData("achọrọ m ịzụta suya", "yo", "ig")]
    public async Task Clear_evidence_beats_the_stored_preference(string text, string preferred, string language)
    {
        (await Support.Rules.UnderstandAsync(text, preferredLanguage: preferred)).Language.ShouldBe(language);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fr")]
    [InlineData("")]
    public async Task Falls_back_to_english_without_evidence_or_a_supported_preference(string? preferred)
    {
        (await Support.Rules.UnderstandAsync("👍", preferredLanguage: preferred)).Language.ShouldBe("en");
    }

    [Fact]
    public async Task A_region_tagged_preference_is_understood()
    {
        (await Support.Rules.UnderstandAsync("2", preferredLanguage: "YO-ng")).Language.ShouldBe("yo");
    }
}
