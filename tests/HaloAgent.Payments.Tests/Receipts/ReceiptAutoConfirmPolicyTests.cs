using HaloAgent.Payments.Receipts;

namespace HaloAgent.Payments.Tests.Receipts;

public sealed class ReceiptAutoConfirmPolicyTests
{
    private static readonly ReceiptAssessment Clean = new(0.96, ReceiptVerdict.LikelyMatch,
    [
        new ReceiptReason(ReceiptReasonCode.AmountMatches, false, "ok"),
        new ReceiptReason(ReceiptReasonCode.ReferenceMatches, false, "ok"),
    ]);

    private readonly ReceiptAutoConfirmPolicy _policy = new(Enabled: true, MinScore: 0.9, MaxAmountKobo: 2_000_000);

    [Fact]
    public void A_clean_high_score_under_the_cap_is_confirmed()
    {
        var decision = _policy.Decide(Clean, 1_800_000);

        decision.AutoConfirm.ShouldBeTrue();
        decision.Reason.ShouldContain("≤ ₦20,000.");
    }

    [Fact]
    public void Off_by_default() =>
        ReceiptAutoConfirmPolicy.Off.Decide(Clean, 100).AutoConfirm.ShouldBeFalse();

    [Fact]
    public void Disabled_never_confirms() =>
        (_policy with { Enabled = false }).Decide(Clean, 1_800_000).AutoConfirm.ShouldBeFalse();

    [Fact]
    public void Above_the_amount_cap_waits_for_the_owner()
    {
        var decision = _policy.Decide(Clean, 2_000_001);

        decision.AutoConfirm.ShouldBeFalse();
        decision.Reason.ShouldContain("above the automatic limit");
    }

    [Fact]
    public void Exactly_the_cap_is_allowed() =>
        _policy.Decide(Clean, 2_000_000).AutoConfirm.ShouldBeTrue();

    [Fact]
    public void Below_the_score_threshold_waits_for_the_owner()
    {
        var decision = _policy.Decide(Clean with { Score = 0.89 }, 1_800_000);

        decision.AutoConfirm.ShouldBeFalse();
        decision.Reason.ShouldContain("0.89");
    }

    [Theory]
    [InlineData(ReceiptVerdict.NeedsReview)]
    [InlineData(ReceiptVerdict.Mismatch)]
    [InlineData(ReceiptVerdict.Unreadable)]
    public void Anything_but_a_likely_match_waits_for_the_owner(ReceiptVerdict verdict) =>
        _policy.Decide(Clean with { Verdict = verdict }, 1_800_000).AutoConfirm.ShouldBeFalse();

    [Fact]
    public void A_red_flag_blocks_even_a_high_score()
    {
        var flagged = Clean with { Reasons = [.. Clean.Reasons, new ReceiptReason(ReceiptReasonCode.ImageReused, true, "reused")] };
        _policy.Decide(flagged, 1_800_000).AutoConfirm.ShouldBeFalse();
    }
}
