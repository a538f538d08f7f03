using System.Globalization;
using HaloAgent.Platform.Money;

namespace HaloAgent.Platform.Tests;

public sealed class NairaTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("pcm")]
    [InlineData("yo")]
    [InlineData("ig")]
    public void Whole_naira_show_no_decimals_and_kobo_show_two(string language)
    {
        Naira.Format(1_800_000, language).ShouldBe("₦18,000");
        Naira.Format(1_800_050, language).ShouldBe("₦18,000.50");
        Naira.Format(350_000, language).ShouldBe("₦3,500");
        Naira.Format(123_456_789, language).ShouldBe("₦1,234,567.89");
        Naira.Format(0, language).ShouldBe("₦0");
        Naira.Format(5, language).ShouldBe("₦0.05");
    }

    [Fact]
    public void Hausa_keeps_the_space_its_culture_puts_after_the_sign()
    {
        var culture = CultureInfo.GetCultureInfo("ha-NG");
        Naira.Format(1_800_000, "ha").ShouldBe(18_000m.ToString("C0", culture));
        Naira.Format(1_800_000, "ha").ShouldStartWith("₦");
        Naira.Format(1_800_000, "ha").ShouldEndWith("18,000");
        Naira.Format(1_800_000, "ha").Length.ShouldBe("₦ 18,000".Length);
        Naira.Format(1_800_050, "ha").ShouldEndWith("18,000.50");
    }

    [Fact]
    public void Unknown_or_missing_languages_use_Nigerian_English_never_the_invariant_culture()
    {
        Naira.Format(350_000, "fr").ShouldBe("₦3,500");
        Naira.Format(350_000, null).ShouldBe("₦3,500");
        Naira.Format(350_000, "yo-NG").ShouldBe("₦3,500");
        Naira.Format(350_000, "en").ShouldNotContain("¤");
    }

    [Fact]
    public void Refunds_are_negative_amounts()
    {
        Naira.Format(-150_000, "en").ShouldBe("-₦1,500");
        Naira.Format(-150_050, "en").ShouldBe("-₦1,500.50");
        Naira.Format(-150_000).ShouldBe("-₦1,500");
    }

    [Fact]
    public void Without_a_language_it_is_the_English_rule()
    {
        Naira.Format(1_800_050).ShouldBe("₦18,000.50");
        Naira.Format(1_800_000).ShouldBe("₦18,000");
        Naira.Format(0).ShouldBe("₦0");
        Naira.Format(123_456_789).ShouldBe(Naira.Format(123_456_789, "en"));
    }

    [Theory]
    [InlineData(100_000, "₦1,000")]
    [InlineData(99_999_900, "₦999,999")]
    [InlineData(100_000_000, "₦1,000,000")]
    [InlineData(1_000_000_000_00, "₦1,000,000,000")]
    [InlineData(250_000_000_01, "₦250,000,000.01")]
    public void Thousands_and_millions_are_grouped_in_threes(long kobo, string expected)
    {
        Naira.Format(kobo, "en").ShouldBe(expected);
    }

    [Theory]
    [InlineData("en-NG")]
    [InlineData("EN")]
    [InlineData("English")]
    public void Region_codes_and_names_read_as_their_language(string language)
    {
        Naira.Format(1_800_050, language).ShouldBe("₦18,000.50");
        Naira.Format(1_800_000, "ha-NG").ShouldBe(Naira.Format(1_800_000, "ha"));
    }
}
