using HaloAgent.Payments.References;

namespace HaloAgent.Payments.Tests.References;

public sealed class PaymentReferenceTests
{
    private readonly PaymentReferenceGenerator _generator = new(PaymentReferenceFormat.Default);

    [Fact]
    public void A_new_reference_is_prefix_dash_five_characters_from_the_unambiguous_alphabet()
    {
        for (var i = 0; i < 2_000; i++)
        {
            var reference = _generator.Next();
            reference.ShouldMatch("^HLO-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$");
            PaymentReferenceFormat.Default.IsCanonical(reference).ShouldBeTrue();
        }
    }

    [Fact]
    public void The_alphabet_leaves_out_characters_people_and_ocr_confuse()
    {
        foreach (var c in "0O1IL")
        {
            PaymentReferenceFormat.Alphabet.ShouldNotContain(c);
        }

        PaymentReferenceFormat.Alphabet.Length.ShouldBe(31);
        PaymentReferenceFormat.Alphabet.Distinct().Count().ShouldBe(31);
    }

    [Fact]
    public void References_are_random_enough_that_collisions_are_rare_and_every_character_is_used()
    {
        var references = Enumerable.Range(0, 5_000).Select(_ => _generator.Next()).ToList();

        // 5,000 draws from 28.6 million codes: ~0.4 collisions expected; more than 5 would mean a broken source.
        references.Distinct().Count().ShouldBeGreaterThanOrEqualTo(4_995);
        var used = references.SelectMany(r => r[4..]).Distinct().Count();
        used.ShouldBe(PaymentReferenceFormat.Alphabet.Length);
    }

    [Fact]
    public async Task NextUniqueAsync_skips_references_that_are_taken()
    {
        var taken = new HashSet<string>();
        for (var i = 0; i < 3_000; i++)
        {
            var reference = await _generator.NextUniqueAsync((r, _) => Task.FromResult(taken.Contains(r)), CancellationToken.None);
            taken.Add(reference).ShouldBeTrue();
        }

        taken.Count.ShouldBe(3_000);
    }

    [Fact]
    public async Task NextUniqueAsync_gives_up_with_a_clear_error_when_everything_is_taken()
    {
        var calls = 0;
        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            _generator.NextUniqueAsync((_, _) => { calls++; return Task.FromResult(true); }, CancellationToken.None));

        calls.ShouldBe(PaymentReferenceGenerator.MaxAttempts);
        error.Message.ShouldContain("CodeLength");
    }

    [Fact]
    public void The_prefix_and_length_are_configurable()
    {
        var format = new PaymentReferenceFormat("mnk", 7);
        var reference = new PaymentReferenceGenerator(format).Next();

        reference.ShouldMatch("^MNK-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}$");
        format.TryNormalize("mnk " + reference[4..].ToLowerInvariant(), out var normalized).ShouldBeTrue();
        normalized.ShouldBe(reference);
        format.TryNormalize("HLO-7K2Q9", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("HLO-7K2Q9")]
    [InlineData("hlo 7k2q9")]
    [InlineData("hlo-7k2q9")]
    [InlineData("HLO7K2Q9")]
    [InlineData("  Hlo_7K2q9 ")]
    [InlineData("hlo. 7k2 q9")]
    [InlineData("7k2q9")]
    [InlineData("#HLO-7K2Q9")]
    public void What_a_customer_types_is_normalised(string typed)
    {
        PaymentReferenceFormat.Default.TryNormalize(typed, out var reference).ShouldBeTrue();
        reference.ShouldBe("HLO-7K2Q9");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("HLO-7K2Q")]
    [InlineData("HLO-7K2Q99")]
    [InlineData("HLO-0K2Q9")]
    [InlineData("HLO-1K2Q9")]
    [InlineData("HLO-IK2Q9")]
    [InlineData("HLO-LK2Q9")]
    [InlineData("HLO-OK2Q9")]
    [InlineData("ABC-7K2Q9")]
    [InlineData("I don pay")]
    public void Anything_else_is_refused(string? typed)
    {
        PaymentReferenceFormat.Default.TryNormalize(typed, out var reference).ShouldBeFalse();
        reference.ShouldBe("");
    }

    [Fact]
    public void References_are_found_in_free_text_only_with_their_prefix()
    {
        var text = "Transfer to MAMA NKECHI. Narration: payment for hlo 7k2q9 and HLO-ABCDE; not 7K2Q9 alone nor XHLO-7K2Q9 nor HLO-7K2Q9X";

        PaymentReferenceFormat.Default.FindIn(text).ShouldBe(["HLO-7K2Q9", "HLO-ABCDE"]);
        PaymentReferenceFormat.Default.FindIn("HLO-7K2Q9 HLO7K2Q9").ShouldBe(["HLO-7K2Q9"]);
        PaymentReferenceFormat.Default.FindIn(null).ShouldBeEmpty();
    }

    [Fact]
    public void A_reference_with_one_character_ocr_could_not_read_is_found_blurred_and_only_then()
    {
        // As tesseract read two rendered receipts: "9" as "I" and a final "J" as ")".
        PaymentReferenceFormat.Default.FindBlurredIn("Narration HLO-ZAIJA\nSession ID").ShouldBe(["HLO-ZA?JA"]);
        PaymentReferenceFormat.Default.FindBlurredIn("Narration HLO-D9R6)\nSession ID").ShouldBe(["HLO-D9R6?"]);
        PaymentReferenceFormat.Default.FindBlurredIn("HLO-7K2Q9 is readable").ShouldBeEmpty();
        PaymentReferenceFormat.Default.FindBlurredIn("HLO-7I0Q9 has two unreadable").ShouldBeEmpty();
        PaymentReferenceFormat.Default.FindBlurredIn(null).ShouldBeEmpty();
    }

    [Fact]
    public void Canonical_form_is_strict()
    {
        PaymentReferenceFormat.Default.IsCanonical("HLO-7K2Q9").ShouldBeTrue();
        PaymentReferenceFormat.Default.IsCanonical("hlo-7k2q9").ShouldBeFalse();
        PaymentReferenceFormat.Default.IsCanonical("HLO7K2Q9").ShouldBeFalse();
        PaymentReferenceFormat.Default.IsCanonical(null).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("HL-O", 5)]
    [InlineData("TOOLONGPREFIX", 5)]
    public void A_bad_prefix_is_refused(string prefix, int length) =>
        Should.Throw<ArgumentException>(() => new PaymentReferenceFormat(prefix, length));

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void A_bad_length_is_refused(int length) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new PaymentReferenceFormat("HLO", length));
}
