using HaloAgent.Payments.Receipts;
using HaloAgent.Payments.Tests.Support;

namespace HaloAgent.Payments.Tests.Receipts;

public sealed class ReceiptMatcherTests
{
    private static readonly TimeSpan Wat = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset OrderCreatedAt = new(2026, 3, 14, 10, 30, 0, Wat);
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 11, 0, 0, Wat);

    private readonly ReceiptMatcher _matcher = new(new FixedOptions<ReceiptOptions>(new ReceiptOptions()));

    private static readonly ReceiptFields Good = new()
    {
        AmountKobo = 1_800_000,
        PaidAt = new DateTimeOffset(2026, 3, 14, 10, 42, 0, Wat),
        HasTime = true,
        Bank = "GTBank",
        RecipientName = "MAMA NKECHI KITCHEN",
        PaymentReferences = ["HLO-7K2Q9"],
        Status = ReceiptStatus.Successful,
        ReceiptWordCount = 5,
    };

    private static ReceiptAnalysis Receipt(ReceiptFields fields, double ocr = 0.92, bool readable = true) =>
        new("abc123", "…", fields, ocr, ocr, readable);

    private static ExpectedPayment Expected(long amount = 1_800_000, string[]? others = null, bool reused = false, DateTimeOffset? now = null) =>
        new(amount, "HLO-7K2Q9", OrderCreatedAt, now ?? Now, others ?? ["HLO-ABCDE"], reused);

    [Fact]
    public void Exact_amount_our_reference_and_a_recent_date_score_high()
    {
        var result = _matcher.Assess(Receipt(Good), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.LikelyMatch);
        result.Score.ShouldBeGreaterThan(0.95);
        result.HasRedFlags.ShouldBeFalse();
        result.Reasons.Select(r => r.Code).ShouldBe(
            [ReceiptReasonCode.AmountMatches, ReceiptReasonCode.ReferenceMatches, ReceiptReasonCode.DateRecent], ignoreOrder: true);
        result.Reasons.Single(r => r.Code == ReceiptReasonCode.AmountMatches).Message.ShouldContain("₦18,000 matches");
    }

    [Fact]
    public void Lower_ocr_confidence_lowers_the_score_a_little()
    {
        var crisp = _matcher.Assess(Receipt(Good, ocr: 1.0), Expected());
        var fuzzy = _matcher.Assess(Receipt(Good, ocr: 0.55), Expected());

        fuzzy.Score.ShouldBeLessThan(crisp.Score);
        fuzzy.Verdict.ShouldBe(ReceiptVerdict.LikelyMatch);
    }

    [Fact]
    public void Amount_and_date_without_our_reference_is_still_likely_but_scores_lower()
    {
        var result = _matcher.Assess(Receipt(Good with { PaymentReferences = [] }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.LikelyMatch);
        result.Score.ShouldBeInRange(0.7, 0.8);
        result.Has(ReceiptReasonCode.ReferenceMissing).ShouldBeTrue();
    }

    [Fact]
    public void Our_reference_with_one_character_ocr_could_not_read_still_counts_and_someone_elses_is_not_held_against_the_receipt()
    {
        var blurred = _matcher.Assess(Receipt(Good with { PaymentReferences = [], BlurredPaymentReferences = ["HLO-7K?Q9"] }), Expected());
        blurred.Score.ShouldBe(_matcher.Assess(Receipt(Good), Expected()).Score, 1e-9);
        blurred.Reasons.Single(r => r.Code == ReceiptReasonCode.ReferenceMatches).Message.ShouldContain("hard to read");

        var other = _matcher.Assess(Receipt(Good with { PaymentReferences = [], BlurredPaymentReferences = ["HLO-AB?DE"] }), Expected(others: []));
        other.Has(ReceiptReasonCode.ReferenceMissing).ShouldBeTrue();
        other.HasRedFlags.ShouldBeFalse();
        other.Score.ShouldBeInRange(0.7, 0.8);
    }

    [Fact]
    public void The_reference_of_the_customers_other_order_with_one_character_ocr_could_not_read_is_still_flagged()
    {
        // Auto-confirming it would settle this order with the receipt of another one; OCR blurring a character of it
        // (1 in ~75 rendered receipts) must not hide that.
        var result = _matcher.Assess(Receipt(Good with { PaymentReferences = [], BlurredPaymentReferences = ["HLO-AB?DE"] }), Expected(others: ["HLO-ABCDE"]));
        result.Has(ReceiptReasonCode.ReferenceOfAnotherOrder).ShouldBeTrue();
        result.Reasons.Single(r => r.Code == ReceiptReasonCode.ReferenceOfAnotherOrder).Message.ShouldContain("hard to read");
        result.HasRedFlags.ShouldBeTrue();
    }

    [Fact]
    public void Only_the_amount_needs_review()
    {
        var result = _matcher.Assess(Receipt(Good with { PaymentReferences = [], PaidAt = null, HasTime = false }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.NeedsReview);
        result.Has(ReceiptReasonCode.DateMissing).ShouldBeTrue();
        result.Has(ReceiptReasonCode.ReferenceMissing).ShouldBeTrue();
    }

    [Fact]
    public void No_amount_needs_review_even_with_our_reference()
    {
        var result = _matcher.Assess(Receipt(Good with { AmountKobo = null }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.NeedsReview);
        result.Has(ReceiptReasonCode.AmountMissing).ShouldBeTrue();
        result.Reasons.Single(r => r.Code == ReceiptReasonCode.AmountMissing).Message.ShouldContain("is ₦18,000.");
    }

    [Theory]
    [InlineData(1_700_000, "short by ₦1,000)")]
    [InlineData(1_800_050, "over by ₦0.50")]
    public void A_wrong_amount_is_flagged(long paid, string detail)
    {
        var result = _matcher.Assess(Receipt(Good with { AmountKobo = paid }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Score.ShouldBeLessThanOrEqualTo(ReceiptMatcher.FlaggedScoreCap);
        var reason = result.Reasons.Single(r => r.Code == ReceiptReasonCode.AmountMismatch);
        reason.IsRedFlag.ShouldBeTrue();
        reason.Message.ShouldContain(detail);
    }

    [Fact]
    public void Another_orders_reference_is_flagged()
    {
        var result = _matcher.Assess(Receipt(Good with { PaymentReferences = ["HLO-ABCDE"] }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Reasons.Single(r => r.Code == ReceiptReasonCode.ReferenceOfAnotherOrder).Message.ShouldContain("HLO-ABCDE");
        result.Has(ReceiptReasonCode.ReferenceMatches).ShouldBeFalse();
    }

    [Fact]
    public void A_reference_that_is_not_this_customers_is_flagged()
    {
        var result = _matcher.Assess(Receipt(Good with { PaymentReferences = ["HLO-ZZZZZ"] }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Has(ReceiptReasonCode.ReferenceUnknown).ShouldBeTrue();
    }

    [Fact]
    public void Our_reference_with_an_ocr_swap_still_matches()
    {
        // OCR read the 2 of HLO-7K2Q9 as Z.
        var result = _matcher.Assess(Receipt(Good with { PaymentReferences = ["HLO-7KZQ9"] }), Expected());

        result.Has(ReceiptReasonCode.ReferenceMatches).ShouldBeTrue();
        result.Verdict.ShouldBe(ReceiptVerdict.LikelyMatch);
    }

    [Fact]
    public void A_receipt_dated_before_the_order_is_flagged()
    {
        var result = _matcher.Assess(Receipt(Good with { PaidAt = OrderCreatedAt.AddHours(-3) }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Reasons.Single(r => r.Code == ReceiptReasonCode.DateBeforeOrder).Message.ShouldContain("14 Mar 2026 07:30");
    }

    [Fact]
    public void A_few_minutes_of_clock_difference_is_tolerated()
    {
        var result = _matcher.Assess(Receipt(Good with { PaidAt = OrderCreatedAt.AddMinutes(-5) }), Expected());

        result.Has(ReceiptReasonCode.DateRecent).ShouldBeTrue();
        result.Verdict.ShouldBe(ReceiptVerdict.LikelyMatch);
    }

    [Fact]
    public void A_receipt_older_than_the_limit_is_flagged()
    {
        // An order placed long ago, paid (so the receipt says) right after, assessed a week later.
        var expected = Expected(now: Now.AddDays(7)) with { OrderCreatedAt = OrderCreatedAt };
        var result = _matcher.Assess(Receipt(Good), expected);

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Reasons.Single(r => r.Code == ReceiptReasonCode.DateTooOld).Message.ShouldContain("3 days");
    }

    [Fact]
    public void A_receipt_dated_in_the_future_is_flagged()
    {
        var result = _matcher.Assess(Receipt(Good with { PaidAt = Now.AddDays(1) }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Has(ReceiptReasonCode.DateInFuture).ShouldBeTrue();
    }

    [Fact]
    public void A_date_without_time_is_compared_by_day()
    {
        var sameDay = _matcher.Assess(Receipt(Good with { PaidAt = new DateTimeOffset(2026, 3, 14, 0, 0, 0, Wat), HasTime = false }), Expected());
        var dayBefore = _matcher.Assess(Receipt(Good with { PaidAt = new DateTimeOffset(2026, 3, 13, 0, 0, 0, Wat), HasTime = false }), Expected());

        sameDay.Has(ReceiptReasonCode.DateRecent).ShouldBeTrue();
        sameDay.Verdict.ShouldBe(ReceiptVerdict.LikelyMatch);
        dayBefore.Has(ReceiptReasonCode.DateBeforeOrder).ShouldBeTrue();
        dayBefore.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
    }

    [Fact]
    public void A_reused_image_is_flagged_even_when_everything_else_matches()
    {
        var result = _matcher.Assess(Receipt(Good), Expected(reused: true));

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Score.ShouldBeLessThanOrEqualTo(ReceiptMatcher.FlaggedScoreCap);
        result.Reasons.Single(r => r.Code == ReceiptReasonCode.ImageReused).IsRedFlag.ShouldBeTrue();
    }

    [Theory]
    [InlineData(ReceiptStatus.Failed)]
    [InlineData(ReceiptStatus.Pending)]
    public void A_receipt_that_says_failed_or_pending_is_flagged(ReceiptStatus status)
    {
        var result = _matcher.Assess(Receipt(Good with { Status = status }), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.Mismatch);
        result.Has(ReceiptReasonCode.TransferNotSuccessful).ShouldBeTrue();
    }

    [Fact]
    public void An_unreadable_receipt_scores_zero_and_never_guesses()
    {
        // Even if OCR happened to pick up a plausible amount from noise, an unreadable image is not judged.
        var result = _matcher.Assess(Receipt(Good, ocr: 0.3, readable: false), Expected());

        result.Verdict.ShouldBe(ReceiptVerdict.Unreadable);
        result.Score.ShouldBe(0);
        result.Reasons[0].Code.ShouldBe(ReceiptReasonCode.Unreadable);
        result.Has(ReceiptReasonCode.AmountMatches).ShouldBeFalse();
    }

    [Fact]
    public void An_unreadable_reused_image_says_both()
    {
        var result = _matcher.Assess(Receipt(ReceiptFields.Empty, ocr: 0, readable: false), Expected(reused: true));

        result.Verdict.ShouldBe(ReceiptVerdict.Unreadable);
        result.Has(ReceiptReasonCode.ImageReused).ShouldBeTrue();
    }

    [Fact]
    public void Several_flags_are_all_reported()
    {
        var fields = Good with { AmountKobo = 500_000, PaymentReferences = ["HLO-ABCDE"], PaidAt = OrderCreatedAt.AddDays(-10) };
        var result = _matcher.Assess(Receipt(fields), Expected(reused: true));

        result.Reasons.Where(r => r.IsRedFlag).Select(r => r.Code).ShouldBe(
            [ReceiptReasonCode.ImageReused, ReceiptReasonCode.AmountMismatch, ReceiptReasonCode.ReferenceOfAnotherOrder,
             ReceiptReasonCode.DateBeforeOrder, ReceiptReasonCode.DateTooOld],
            ignoreOrder: true);
        result.Score.ShouldBe(0);
    }

    [Fact]
    public void The_likely_match_threshold_and_age_limit_are_configurable()
    {
        var strict = new ReceiptMatcher(new FixedOptions<ReceiptOptions>(new ReceiptOptions { LikelyMatchScore = 0.9, MaxReceiptAge = TimeSpan.FromMinutes(10) }));

        var withoutReference = strict.Assess(Receipt(Good with { PaymentReferences = [] }), Expected());
        withoutReference.Has(ReceiptReasonCode.DateTooOld).ShouldBeTrue(); // 18 minutes old
        withoutReference.Verdict.ShouldBe(ReceiptVerdict.Mismatch);

        var lenientAge = new ReceiptMatcher(new FixedOptions<ReceiptOptions>(new ReceiptOptions { LikelyMatchScore = 0.9 }));
        lenientAge.Assess(Receipt(Good with { PaymentReferences = [] }), Expected()).Verdict.ShouldBe(ReceiptVerdict.NeedsReview);
    }
}
