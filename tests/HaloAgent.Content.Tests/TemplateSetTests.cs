using System.Text.RegularExpressions;
using HaloAgent.Commerce;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Content.Tests;

/// <summary>The shipped template set: complete in all five languages, compiling, rendering with real data.</summary>
public sealed class TemplateSetTests
{
    private static readonly MessageTemplates Shipped = new(MessageTemplates.DefaultPath, strict: true);

    public static TheoryData<string> Languages => new(LanguageCodes.All);

    [Fact]
    public void The_templates_are_copied_next_to_the_application_from_the_repository()
    {
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../templates/messages"));
        var shipped = Path.Combine(MessageTemplates.DefaultPath, MessageTemplates.MessagesFolder);
        foreach (var language in LanguageCodes.All)
        {
            Directory.GetFiles(Path.Combine(shipped, language), "*.hbs").Select(Path.GetFileName)
                .ShouldBe(Directory.GetFiles(Path.Combine(repository, language), "*.hbs").Select(Path.GetFileName), ignoreOrder: true);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_required_key_has_its_own_template_in_every_language(string language)
    {
        var missing = MessageTemplateKeys.All.Where(key => !Shipped.Has(key, language)).ToList();
        missing.ShouldBeEmpty($"templates/messages/{language}/ lacks {string.Join(", ", missing.Select(k => k + ".hbs"))}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_template_is_outside_the_key_list(string language)
    {
        var unknown = Shipped.KeysIn(language).Except(MessageTemplateKeys.All).ToList();
        unknown.ShouldBeEmpty($"templates/messages/{language}/ has files no flow can ask for (a typo?)");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_template_renders_with_sample_data_and_no_unknown_field(string language)
    {
        foreach (var key in MessageTemplateKeys.All)
        {
            foreach (var data in SampleData.Variants(language))
            {
                string text;
                try
                {
                    text = Shipped.Render(key, language, data);
                }
                catch (Exception e)
                {
                    throw new ShouldAssertException($"{language}/{key}.hbs failed to render: {e.Message}", e);
                }

                text.ShouldNotBeNullOrWhiteSpace($"{language}/{key}");
                text.ShouldNotContain("{{", customMessage: $"{language}/{key}");
                text.ShouldNotContain("}}", customMessage: $"{language}/{key}");
                text.Length.ShouldBeLessThanOrEqualTo(1024, $"{language}/{key}: WhatsApp bodies must stay short");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Button_and_section_labels_fit_WhatsApp_limits(string language)
    {
        foreach (var (key, max) in MessageTemplateKeys.MaxLengths)
        {
            var label = Shipped.Render(key, language, null);
            label.Length.ShouldBeLessThanOrEqualTo(max, $"{language}/{key}: '{label}'");
            label.ShouldNotContain('\n');
        }
    }

    [Theory]
    // Compared decomposed (NFD): tone marks and dots below are combining characters there.
    [InlineData("yo", "\u0323|\u0300|\u0301")]
    [InlineData("ig", "\u0323|\u0307")]
    [InlineData("ha", "[ɗƙɓƊƘƁ]")]
    public void Yoruba_Igbo_and_Hausa_are_translations_written_in_their_own_letters(string language, string letters)
    {
        var data = SampleData.For(language, named: true, delivery: true, available: 3, quantity: 2);
        foreach (var key in MessageTemplateKeys.All)
        {
            Shipped.Render(key, language, data).ShouldNotBe(Shipped.Render(key, "en", data), $"{language}/{key} is still English");
        }

        var all = string.Concat(MessageTemplateKeys.All.Select(key => Shipped.Render(key, language, data))).Normalize(System.Text.NormalizationForm.FormD);
        Regex.Matches(all, letters).Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Pidgin_sounds_like_Pidgin()
    {
        var data = SampleData.For("pcm", named: true, delivery: true, available: 3, quantity: 2);
        var all = string.Concat(MessageTemplateKeys.All.Select(key => Shipped.Render(key, "pcm", data)));
        all.ShouldContain("Abeg");
        all.ShouldContain("wetin");
        all.ShouldContain("dey");
    }

    [Fact]
    public void Templates_are_natural_sentences_not_keys()
    {
        foreach (var language in LanguageCodes.All)
        {
            Shipped.Render(MessageTemplateKeys.Greeting, language, SampleData.For(language, true, true, 3, 1))
                .ShouldContain("Chiamaka", customMessage: language);
            Shipped.Render(MessageTemplateKeys.OrderCreated, language, SampleData.For(language, true, true, 3, 1))
                .ShouldContain("MNK-0042", customMessage: language);
            Shipped.Render(MessageTemplateKeys.PaymentInstructions, language, SampleData.For(language, true, true, 3, 1))
                .ShouldContain("5012345678", customMessage: language);
        }
    }
}
