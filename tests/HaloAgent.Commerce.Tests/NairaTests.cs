using System.Globalization;
using HaloAgent.Commerce.Money;

namespace HaloAgent.Commerce.Tests;

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
    }
}
