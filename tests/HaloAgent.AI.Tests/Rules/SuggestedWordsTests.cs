using System.Text.RegularExpressions;

namespace HaloAgent.AI.Tests.Rules;

/// <summary>
/// Every word the bot tells a customer to reply (the *starred* words in the message templates) and every button title
/// (typed back on channels without buttons) is understood in the language it is suggested in. A new suggestion fails
/// here until it is added to <see cref="Suggestions"/> and the NLU understands it.
/// </summary>
public sealed partial class SuggestedWordsTests
{
    /// <summary>What each suggested reply must mean, keyed by the folded suggestion, with the question it answers.</summary>
    private static readonly Dictionary<string, (Intent Intent, string? Slot)> Suggestions = new(StringComparer.Ordinal)
    {
        ["menu"] = (Intent.Browse, null),
        ["cart"] = (Intent.Cart, "more"),
        ["agent"] = (Intent.Human, null),
        ["stop"] = (Intent.Stop, null),
        ["start"] = (Intent.Start, null),
        ["checkout"] = (Intent.Checkout, "more"),
        ["order"] = (Intent.Order, null),
        ["yes"] = (Intent.Confirm, "confirm"),
        ["no"] = (Intent.Decline, "confirm"),
        ["beeni"] = (Intent.Confirm, "confirm"),
        ["rara"] = (Intent.Decline, "confirm"),
        ["ee"] = (Intent.Confirm, "confirm"),
        ["mba"] = (Intent.Decline, "confirm"),
        ["aa"] = (Intent.Decline, "confirm"),
        ["paid"] = (Intent.Paid, null),
        ["i don pay"] = (Intent.Paid, null),
        ["mo ti sanwo"] = (Intent.Paid, null),
        ["akwuola m ugwo"] = (Intent.Paid, null),
        ["na biya"] = (Intent.Paid, null),
        ["pickup"] = (Intent.Order, "zone"),
    };

    private static readonly string[] Languages = ["en", "pcm", "yo", "ig", "ha"];

    public static TheoryData<string, string, string> SuggestedWords()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var language in Languages)
        {
            foreach (var file in Directory.GetFiles(TemplatesDirectory(language), "*.hbs").Order(StringComparer.Ordinal))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (Match match in Starred().Matches(File.ReadAllText(file)))
                {
                    var word = match.Groups[1].Value.Trim();
                    if (!word.Contains("{{", StringComparison.Ordinal) && !word.Contains(':', StringComparison.Ordinal) && seen.Add(word))
                    {
                        data.Add(language, Path.GetFileNameWithoutExtension(file), word);
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_templates_suggest_words_in_every_language() =>
        SuggestedWords().Count.ShouldBeGreaterThan(5 * 10);

    [Theory]
    [MemberData(nameof(SuggestedWords))]
    public async Task Every_suggested_reply_is_understood_in_the_language_it_is_suggested_in(string language, string template, string word)
    {
        var key = Fold(word);
        Suggestions.ShouldContainKey(key, $"{language}/{template}.hbs suggests *{word}*: add it to Suggestions with what it means, and make the NLU understand it");
        var (intent, slot) = Suggestions[key];

        var result = await Support.Rules.UnderstandAsync(word, slot, language);

        result.Intent.ShouldBe(intent, $"{language}/{template}.hbs suggests *{word}*");
        result.Language.ShouldBe(language, $"replying *{word}* keeps the chat in {language}");
    }

    public static TheoryData<string, string> Buttons()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Languages)
        {
            foreach (var key in new[] { "button_confirm", "button_change", "button_pickup", "button_delivery" })
            {
                data.Add(language, key);
            }
        }

        return data;
    }

    /// <summary>Twilio and the web chat list the buttons as text; customers type the title back.</summary>
    [Theory]
    [MemberData(nameof(Buttons))]
    public async Task A_button_title_typed_back_means_what_the_button_does(string language, string key)
    {
        var title = File.ReadAllText(Path.Combine(TemplatesDirectory(language), key + ".hbs")).Trim();
        title.Length.ShouldBeLessThanOrEqualTo(20, "WhatsApp reply buttons allow 20 characters");

        switch (key)
        {
            case "button_confirm":
                (await Support.Rules.UnderstandAsync(title, "confirm", language)).Intent.ShouldBe(Intent.Confirm, title);
                break;
            case "button_change":
                (await Support.Rules.UnderstandAsync(title, "confirm", language)).Intent.ShouldBe(Intent.Decline, title);
                break;
            case "button_pickup":
                (await Support.Rules.UnderstandAsync(title, "fulfilment", language)).Fulfilment.ShouldBe(Fulfilment.Pickup, title);
                break;
            default:
                (await Support.Rules.UnderstandAsync(title, "fulfilment", language)).Fulfilment.ShouldBe(Fulfilment.Delivery, title);
                break;
        }
    }

    [Theory]
    [InlineData("pcm")]
    [InlineData("yo")]
    [InlineData("ig")]
    [InlineData("ha")]
    public void Yes_and_no_buttons_are_in_the_customers_language(string language)
    {
        foreach (var key in new[] { "button_confirm", "button_change" })
        {
            var english = File.ReadAllText(Path.Combine(TemplatesDirectory("en"), key + ".hbs")).Trim();
            File.ReadAllText(Path.Combine(TemplatesDirectory(language), key + ".hbs")).Trim().ShouldNotBe(english, $"{language}/{key}");
        }
    }

    private static string TemplatesDirectory(string language) =>
        Path.Combine(AppContext.BaseDirectory, "templates", "messages", language);

    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => char.IsLetter(c) || c == ' ').ToArray()).Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>A *starred* span; those holding a template expression or a colon (*Total: …*) are bold text, not replies.</summary>
    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Starred();
}
