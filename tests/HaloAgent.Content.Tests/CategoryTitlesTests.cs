using HaloAgent.Platform.Languages;

namespace HaloAgent.Content.Tests;

public sealed class CategoryTitlesTests
{
    [Theory]
    [InlineData("Rice", "yo", "Ìrẹsì")]
    [InlineData("Drinks", "ha", "Abin sha")]
    [InlineData("Swallow & soup", "ig", "Nri na ofe")]
    [InlineData("snacks", "pcm", "Small chops")]
    [InlineData("Drinks", "en", "Drinks")]
    [InlineData("Chef's specials", "yo", "Chef's specials")]
    public void A_usual_category_is_titled_in_the_customers_language_and_any_other_keeps_the_owners_words(string category, string language, string title) =>
        CategoryTitles.For(category, language).ShouldBe(title);

    [Fact]
    public void Every_title_fits_a_whatsapp_section_title()
    {
        foreach (var category in new[] { "Rice", "Grills", "Snacks", "Sides", "Swallow & soup", "Soups", "Swallow", "Drinks", "Proteins", "Breakfast" })
        {
            foreach (var language in LanguageCodes.All)
            {
                CategoryTitles.For(category, language).Length.ShouldBeLessThanOrEqualTo(24, $"{category} in {language}");
            }
        }
    }
}
