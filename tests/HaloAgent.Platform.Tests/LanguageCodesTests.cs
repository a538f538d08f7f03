using HaloAgent.Platform.Languages;

namespace HaloAgent.Platform.Tests;

public sealed class LanguageCodesTests
{
    [Fact]
    public void The_five_languages_in_their_order()
    {
        LanguageCodes.All.ShouldBe(["en", "pcm", "yo", "ig", "ha"]);
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("EN", "en")]
    [InlineData("YO", "yo")]
    [InlineData("yo-NG", "yo")]
    [InlineData("hausa", "ha")]
    [InlineData(" yo-NG ", "yo")]
    [InlineData("ha_NG", "ha")]
    [InlineData("PCM", "pcm")]
    [InlineData("ig", "ig")]
    [InlineData("Yoruba", "yo")]
    [InlineData("Yorùbá", "yo")]
    [InlineData("Pidgin", "pcm")]
    [InlineData("naija", "pcm")]
    [InlineData("Nigerian Pidgin", "pcm")]
    [InlineData("Igbo", "ig")]
    [InlineData("HAUSA", "ha")]
    [InlineData("English", "en")]
    [InlineData("fr", null)]
    [InlineData("french", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Normalize_accepts_codes_regions_and_names(string? input, string? expected)
    {
        LanguageCodes.Normalize(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("ha", "ha-NG")]
    [InlineData("yo-NG", "yo-NG")]
    [InlineData("Pidgin", "pcm-NG")]
    [InlineData("fr", "en-NG")]
    [InlineData(null, "en-NG")]
    public void The_culture_is_the_Nigerian_variant_and_English_when_unknown(string? input, string expected)
    {
        LanguageCodes.CultureName(input).ShouldBe(expected);
    }

    [Fact]
    public void Only_the_exact_codes_are_supported()
    {
        LanguageCodes.IsSupported("yo").ShouldBeTrue();
        LanguageCodes.IsSupported("YO").ShouldBeFalse();
        LanguageCodes.IsSupported("yo-NG").ShouldBeFalse();
        LanguageCodes.IsSupported(null).ShouldBeFalse();
    }
}
