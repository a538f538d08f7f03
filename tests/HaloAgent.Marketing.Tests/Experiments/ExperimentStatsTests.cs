using HaloAgent.Marketing.Experiments.Stats;

namespace HaloAgent.Marketing.Tests.Experiments;

/// <summary>
/// The statistics against values computed independently, by hand in python3 (statistics.NormalDist, math.erfc), for
/// the table A = 100 of 1000 converted, B = 130 of 1000:
/// <code>
/// pA = 0.10, pB = 0.13, lift = pB/pA − 1 = 0.300
/// var = pA(1−pA)·pB² / (pA⁴·nA) + pB(1−pB) / (pA²·nB) = 0.09·0.0169/0.1 + 0.1131/10 = 0.01521 + 0.01131 = 0.02652
/// se = √0.02652 = 0.162850;  z = 0.3/0.16285 = 1.842190;  p = 2(1 − Φ(1.842190)) = 0.065447
/// 95 % CI = 0.3 ∓ 1.959964·0.16285 = −0.019179 … 0.619179
/// posterior: precision = 1/0.09 + 1/0.02652 = 48.8187; mean = (0.3/0.02652)/48.8187 = 0.231720; sd = √(1/48.8187) = 0.143122
/// chance to win = Φ(0.231720/0.143122) = Φ(1.619039) = 0.947280
/// risk(B) = sd·φ(m/sd) − m·(1 − ctw) = 0.003180;  risk(A) = sd·φ(m/sd) + m·ctw = 0.234900
/// Wilson 95 % for A: centre (0.1 + z²/2000)/(1 + z²/1000), half z/(1+z²/1000)·√(0.09/1000 + z²/4e6) → 0.082909 … 0.120152
/// sequential (α = 0.05, tuning 5000, N = 2000): ρ² = (−2 ln α + ln(−2 ln α + 1))/5000, s² = var·N,
///   half = √(2·(N s² ρ² + 1)/(ρ² N²) · ln(√(N s² ρ² + 1)/α)) → −0.244747 … 0.844747
/// SRM 1200/800 against 50/50: χ² = 200²/1000 + 200²/1000 = 80, p = erfc(√(80/2)) = 3.7e−19; 1030/970: χ² = 1.8, p = 0.179712
/// </code>
/// </summary>
public sealed class ExperimentStatsTests
{
    private static readonly BinomialCounts A = new(1000, 100);
    private static readonly BinomialCounts B = new(1000, 130);

    [Fact]
    public void A_known_table_gives_the_independently_computed_lift_interval_p_value_and_chance_to_win()
    {
        var lift = RelativeLift.Of(A, B)!;
        lift.Estimate.ShouldBe(0.300, 0.0005);
        lift.Variance.ShouldBe(0.02652, 0.000005);

        var frequentist = FrequentistLift.Of(lift);
        frequentist.PValue.ShouldBe(0.065, 0.0005);
        frequentist.ConfidenceInterval.Low.ShouldBe(-0.019, 0.0005);
        frequentist.ConfidenceInterval.High.ShouldBe(0.619, 0.0005);
        frequentist.Significant.ShouldBeFalse();

        var bayes = BayesianLift.Of(lift);
        bayes.PosteriorMean.ShouldBe(0.232, 0.0005);
        bayes.ChanceToWin.ShouldBe(0.947, 0.0005);
        bayes.RiskTreatment.ShouldBe(0.003, 0.0005);
        bayes.RiskControl.ShouldBe(0.235, 0.0005);

        var sequential = SequentialLift.Of(lift, 2000);
        sequential.Low.ShouldBe(-0.245, 0.0005);
        sequential.High.ShouldBe(0.845, 0.0005);

        var wilson = Wilson.Interval(A);
        wilson.Low.ShouldBe(0.083, 0.0005);
        wilson.High.ShouldBe(0.120, 0.0005);
    }

    [Fact]
    public void A_60_40_split_configured_as_50_50_is_a_sample_ratio_mismatch_and_50_50_is_not()
    {
        var skewed = SampleRatio.Check([1200, 800], [50, 50]);
        skewed.ChiSquare.ShouldBe(80, 1e-9);
        skewed.PValue.ShouldBeLessThan(1e-15);
        skewed.Mismatch.ShouldBeTrue();

        SampleRatio.Check([1000, 1000], [50, 50]).Mismatch.ShouldBeFalse();
        var noisy = SampleRatio.Check([1030, 970], [1, 1]);
        noisy.PValue.ShouldBe(0.180, 0.0005);
        noisy.Mismatch.ShouldBeFalse();
        SampleRatio.Check([1200, 800], [60, 40]).Mismatch.ShouldBeFalse("60/40 is what was configured");
    }

    [Fact]
    public void A_mismatched_experiment_gets_no_verdict_however_clear_the_lift()
    {
        var result = Analyse(new BinomialCounts(1200, 60), new BinomialCounts(800, 160));
        result.SampleRatio.Mismatch.ShouldBeTrue();
        result.Verdict.Kind.ShouldBe(VerdictKinds.SampleRatioMismatch);
        result.Verdict.Winner.ShouldBeNull();
    }

    [Fact]
    public void No_verdict_below_the_minimum_sample()
    {
        // B converts 4 of 150 against 0.6 % for A would be a huge lift, but 4 conversions are below five.
        Analyse(new BinomialCounts(150, 40), new BinomialCounts(150, 4)).Verdict.Kind.ShouldBe(VerdictKinds.NotEnoughData);
        // Five non-conversions are needed too.
        Analyse(new BinomialCounts(150, 30), new BinomialCounts(150, 146)).Verdict.Kind.ShouldBe(VerdictKinds.NotEnoughData);
        // The configurable exposure floor: 400 < 500 each, though B converts 25 % against 10 %.
        var below = ExperimentAnalysis.Analyse(new AnalysisInput(
            [new("A", 1, new BinomialCounts(400, 40)), new("B", 1, new BinomialCounts(400, 100))], new AnalysisRules(MinimumExposed: 500)));
        below.MinimumSampleReached.ShouldBeFalse();
        below.Verdict.Kind.ShouldBe(VerdictKinds.NotEnoughData);
        below.Verdict.Winner.ShouldBeNull();
        // The same table over the default floor (100) is declared.
        var declared = Analyse(new BinomialCounts(400, 40), new BinomialCounts(400, 100));
        declared.Verdict.Winner.ShouldBe("B");
    }

    [Fact]
    public void The_verdict_reads_in_plain_words()
    {
        var result = Analyse(new BinomialCounts(3000, 300), new BinomialCounts(3000, 420));
        result.Verdict.Kind.ShouldBe(VerdictKinds.Winner);
        result.Verdict.Winner.ShouldBe("B");
        var c = result.Variants[1].VsControl!;
        result.Verdict.Sentence.ShouldBe(
            $"B beats A with {(c.ChanceToWin >= 0.995 ? "> 99" : Math.Round(c.ChanceToWin * 100))} % chance; +40 % orders, interval +{Math.Round(c.SequentialInterval.Low * 100)} % … +{Math.Round(c.SequentialInterval.High * 100)} %");
    }

    [Fact]
    public void A_truly_better_B_is_declared_for_B()
    {
        // pA = 10 %, pB = 15 %, 3000 each: the lift (+50 %) is about five standard errors, so nearly every run declares B.
        var declaredB = 0;
        for (var seed = 0; seed < 50; seed++)
        {
            var random = new Random(seed);
            var result = Analyse(Sample(random, 3000, 0.10), Sample(random, 3000, 0.15));
            result.Verdict.Winner.ShouldNotBe("A", $"seed {seed}");
            declaredB += result.Verdict.Winner == "B" ? 1 : 0;
        }

        declaredB.ShouldBeGreaterThanOrEqualTo(45);
    }

    [Fact]
    public void Equal_variants_are_declared_different_near_the_nominal_rate_at_most()
    {
        const int runs = 400;
        int significant = 0, declared = 0;
        for (var seed = 0; seed < runs; seed++)
        {
            var random = new Random(1000 + seed);
            var result = Analyse(Sample(random, 2000, 0.10), Sample(random, 2000, 0.10));
            significant += result.Variants[1].VsControl!.PValue < 0.05 ? 1 : 0;
            declared += result.Verdict.Kind == VerdictKinds.Winner ? 1 : 0;
        }

        // The fixed-sample test is calibrated: near 5 % (a binomial(400, 0.05) lies in 8..32 with >99.9 % probability).
        significant.ShouldBeInRange(8, 32);
        // The verdict, made on the always-valid interval, is stricter still.
        ((double)declared / runs).ShouldBeLessThanOrEqualTo(0.08);
    }

    private static AnalysisResult Analyse(BinomialCounts a, BinomialCounts b) =>
        ExperimentAnalysis.Analyse(new AnalysisInput([new("A", 50, a), new("B", 50, b)], new AnalysisRules()));

    private static BinomialCounts Sample(Random random, int exposed, double rate)
    {
        var conversions = 0;
        for (var i = 0; i < exposed; i++)
        {
            conversions += random.NextDouble() < rate ? 1 : 0;
        }

        return new BinomialCounts(exposed, conversions);
    }
}
