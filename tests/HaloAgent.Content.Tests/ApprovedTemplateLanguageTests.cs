namespace HaloAgent.Content.Tests;

public sealed class ApprovedTemplateLanguageTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("ha", "ha")]
    [InlineData("ha-NG", "ha")]
    [InlineData("pcm", "en")]
    [InlineData("yo", "en")]
    [InlineData("ig", "en")]
    [InlineData(null, "en")]
    [InlineData("fr", "en")]
    public void Meta_has_templates_in_English_and_Hausa_only(string? contactLanguage, string expected) =>
        ApprovedTemplateLanguage.For(contactLanguage).ShouldBe(expected);

    [Fact]
    public void A_business_can_fall_back_to_Hausa_but_not_to_an_unapproved_language()
    {
        ApprovedTemplateLanguage.For("yo", "ha").ShouldBe("ha");
        ApprovedTemplateLanguage.For("ig", "yo").ShouldBe("en");
        ApprovedTemplateLanguage.For("en", "ha").ShouldBe("en");
    }
}
