using HaloAgent.AI.Rules;
using HaloAgent.Platform.Languages;

namespace HaloAgent.AI.Tests.Rules;

public class BuildingBlockTests
{
    [Theory]
    [InlineData("mẹ́ta", "meta")]
    [InlineData("abụọ", "abuo")]
    [InlineData("MÉJÌ", "meji")]
    [InlineData("karɓa", "karba")]
    [InlineData("Ɗaya", "daya")]
    [InlineData("ƙara", "kara")]
    [InlineData("a'a", "aa")]
    [InlineData("A’a", "aa")]
    [InlineData("ṣé", "se")]
    [InlineData("kedụ", "kedu")]
    public void Folding_drops_tone_marks_dots_hooks_and_apostrophes(string text, string folded)
    {
        TextFolding.Fold(text).ShouldBe(folded);
    }

    [Fact]
    public void Tokens_keep_their_place_in_the_raw_text_and_note_clause_breaks()
    {
        const string raw = "Jollof x2, puff-puff 😀 5,000 don't";

        var tokens = Tokenizer.Tokenize(raw);

        tokens.Select(t => t.Text).ShouldBe(["jollof", "x2", "puff", "puff", "5,000", "dont"]);
        tokens.Select(t => raw[t.Start..t.End]).ShouldBe(["Jollof", "x2", "puff", "puff", "5,000", "don't"]);
        tokens.Select(t => t.BreakBefore).ShouldBe([false, false, true, false, false, false]);
    }

    [Theory]
    [InlineData("jollof", "jollof", 0)]
    [InlineData("jolof", "jollof", 1)]
    [InlineData("sutja", "sutaj", 1)]
    [InlineData("zobo", "zoob", 1)]
    [InlineData("abc", "xyz", 3)]
    [InlineData("", "abc", 3)]
    public void Damerau_levenshtein_counts_a_transposition_as_one_edit(string a, string b, int distance)
    {
        DamerauLevenshtein.Distance(a, b, limit: 5).ShouldBe(distance);
        DamerauLevenshtein.Distance(b, a, limit: 5).ShouldBe(distance);
    }

    [Fact]
    public void Damerau_levenshtein_stops_early_past_the_limit()
    {
        DamerauLevenshtein.Distance("jollofrice", "friedplantain", limit: 2).ShouldBe(3);
        DamerauLevenshtein.Similarity("jollof", "jolof", limit: 1).ShouldBe(1 - 1.0 / 6, tolerance: 1e-9);
    }

    [Fact]
    public void The_shipped_glossaries_have_no_phrase_with_two_meanings()
    {
        var lexicon = Lexicon.Instance;

        lexicon.Phrases.Count.ShouldBeGreaterThan(500);
        foreach (var language in LanguageCodes.All)
        {
            foreach (var intent in new[] { Intent.Greet, Intent.Order, Intent.Price, Intent.Paid, Intent.Human, Intent.Stop, Intent.Confirm, Intent.Decline, Intent.Smalltalk })
            {
                lexicon.Phrases.ShouldContain(p => p.Kind == PhraseKind.Intent && p.Intent == intent && p.Languages.Contains(language)
                    || (language == "pcm" && p.Kind == PhraseKind.Intent && p.Intent == intent && p.Languages.Contains("en")),
                    $"{intent} in {language}");
            }
        }
    }

    [Fact]
    public void A_phrase_registered_with_two_meanings_is_refused()
    {
        var exception = Should.Throw<InvalidOperationException>(() => Lexicon.Build(b =>
        {
            b.Intent(Intent.Order, "en", "take");
            b.Intent(Intent.Remove, "en", "take");
        }));

        exception.Message.ShouldContain("'take'");
    }

    [Fact]
    public void A_phrase_two_languages_share_is_merged()
    {
        var lexicon = Lexicon.Build(b =>
        {
            b.Intent(Intent.Confirm, "ig", PhraseScope.Leading, "ee");
            b.Intent(Intent.Confirm, "ha", PhraseScope.Leading, "ee");
        });

        lexicon.Phrases.Single().Languages.ShouldBe(["ig", "ha"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("x3", 3)]
    [InlineData("4x", 4)]
    [InlineData("10pcs", 10)]
    [InlineData("100", 100)]
    [InlineData("101", null)]
    [InlineData("0", null)]
    [InlineData("08031234567", null)]
    [InlineData("2.5", null)]
    [InlineData("abc", null)]
    public void Digit_quantities_are_whole_numbers_from_1_to_100(string token, int? value)
    {
        LexiconMatcher.ParseDigits(token).ShouldBe(value);
    }
}
