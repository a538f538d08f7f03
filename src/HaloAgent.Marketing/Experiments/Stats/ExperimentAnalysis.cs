using System.Globalization;

namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>What the analysis needs from the experiment: its variants (the first is the control) and the rules.</summary>
public sealed record AnalysisInput(IReadOnlyList<VariantCounts> Variants, AnalysisRules Rules);

public sealed record VariantCounts(string Name, double Weight, BinomialCounts Counts);

/// <param name="MinimumExposed">The configurable floor of exposed contacts per variant before any verdict.</param>
/// <param name="ChanceToWin">The Bayesian chance a winner must reach (and the loser's 1 − it).</param>
/// <param name="Alpha">Two-sided level of the frequentist test and of the sequential interval.</param>
/// <param name="SequentialTuning">See <see cref="SequentialLift"/>.</param>
public sealed record AnalysisRules(
    long MinimumExposed = AnalysisRules.DefaultMinimumExposed, double ChanceToWin = 0.95, double Alpha = 0.05,
    double SequentialTuning = SequentialLift.DefaultTuning)
{
    public const long DefaultMinimumExposed = 100;

    /// <summary>PostHog's rule (np ≥ 5 and n(1−p) ≥ 5, where the normal approximation starts to hold) plus the floor.</summary>
    public const long MinimumEachOutcome = 5;
}

public static class VerdictKinds
{
    public const string NotEnoughData = "not_enough_data";
    public const string SampleRatioMismatch = "sample_ratio_mismatch";
    public const string NoWinnerYet = "no_winner_yet";
    public const string Winner = "winner";
}

public sealed record VariantResult(string Name, double Weight, long Exposed, long Conversions, double Rate, Interval RateInterval, Comparison? VsControl);

/// <summary>A treatment against the control; lifts are relative (0.18 = +18 %).</summary>
public sealed record Comparison(
    double Lift, double LiftStandardError, double ChanceToWin, double Risk, double ControlRisk, Interval CredibleInterval,
    double PValue, Interval ConfidenceInterval, Interval SequentialInterval);

public sealed record Verdict(string Kind, string? Winner, string Sentence);

public sealed record AnalysisResult(
    IReadOnlyList<VariantResult> Variants, SampleRatio.Result SampleRatio, bool MinimumSampleReached, Verdict Verdict);

/// <summary>
/// Reads an experiment's counts into statistics and a verdict. A winner needs, at once: the minimum sample in every
/// variant, no sample-ratio mismatch, the always-valid sequential interval clear of zero (so looking every day is safe)
/// and the Bayesian chance to win past the threshold (so the sentence's "97 % chance" agrees with the decision).
/// </summary>
public static class ExperimentAnalysis
{
    public static AnalysisResult Analyse(AnalysisInput input, string metric = "orders")
    {
        if (input.Variants.Count < 2)
        {
            throw new ArgumentException("An experiment needs a control and at least one other variant.", nameof(input));
        }

        var rules = input.Rules;
        var control = input.Variants[0];
        var results = input.Variants.Select((v, i) => new VariantResult(
            v.Name, v.Weight, v.Counts.Exposed, v.Counts.Conversions, v.Counts.Rate, Wilson.Interval(v.Counts),
            i == 0 ? null : Compare(control.Counts, v.Counts, rules))).ToList();
        var srm = SampleRatio.Check(input.Variants.Select(v => v.Counts.Exposed).ToList(), input.Variants.Select(v => v.Weight).ToList());
        var ready = input.Variants.All(v => v.Counts.Exposed >= rules.MinimumExposed
            && v.Counts.Conversions >= AnalysisRules.MinimumEachOutcome && v.Counts.NonConversions >= AnalysisRules.MinimumEachOutcome);
        return new AnalysisResult(results, srm, ready, Decide(results, srm, ready, rules, metric));
    }

    private static Comparison? Compare(BinomialCounts control, BinomialCounts treatment, AnalysisRules rules)
    {
        if (RelativeLift.Of(control, treatment) is not { } lift || lift.Variance <= 0)
        {
            return null;
        }

        var bayes = BayesianLift.Of(lift);
        var frequentist = FrequentistLift.Of(lift, rules.Alpha);
        var sequential = SequentialLift.Of(lift, control.Exposed + treatment.Exposed, rules.Alpha, rules.SequentialTuning);
        return new Comparison(
            lift.Estimate, lift.StandardError, bayes.ChanceToWin, bayes.RiskTreatment, bayes.RiskControl, bayes.CredibleInterval,
            frequentist.PValue, frequentist.ConfidenceInterval, sequential);
    }

    private static Verdict Decide(IReadOnlyList<VariantResult> variants, SampleRatio.Result srm, bool ready, AnalysisRules rules, string metric)
    {
        var control = variants[0].Name;
        if (!ready)
        {
            return new Verdict(VerdictKinds.NotEnoughData, null,
                $"Not enough data yet: every variant needs {rules.MinimumExposed} contacts exposed, " +
                $"{AnalysisRules.MinimumEachOutcome} who converted and {AnalysisRules.MinimumEachOutcome} who did not.");
        }

        if (srm.Mismatch)
        {
            return new Verdict(VerdictKinds.SampleRatioMismatch, null,
                $"No verdict: the variants' sizes do not match their weights (sample-ratio mismatch, p = {srm.PValue:0.####}); " +
                "check that every variant's messages are sent.");
        }

        var winners = variants.Skip(1).Where(v => v.VsControl is { } c && c.SequentialInterval.Low > 0 && c.ChanceToWin >= rules.ChanceToWin)
            .OrderByDescending(v => v.VsControl!.ChanceToWin).ThenByDescending(v => v.VsControl!.Lift).ToList();
        if (winners.Count > 0)
        {
            var best = winners[0];
            var c = best.VsControl!;
            return new Verdict(VerdictKinds.Winner, best.Name,
                $"{best.Name} beats {control} with {Percent(c.ChanceToWin)} chance; {Signed(c.Lift)} {metric}, " +
                $"interval {Signed(c.SequentialInterval.Low)} … {Signed(c.SequentialInterval.High)}");
        }

        var treatments = variants.Skip(1).ToList();
        if (treatments.All(v => v.VsControl is { } c && c.SequentialInterval.High < 0 && c.ChanceToWin <= 1 - rules.ChanceToWin))
        {
            // Every other variant is clearly worse: the control wins; quote the closest challenger.
            var closest = treatments.OrderByDescending(v => v.VsControl!.ChanceToWin).First();
            var c = closest.VsControl!;
            return new Verdict(VerdictKinds.Winner, control,
                $"{control} beats {closest.Name} with {Percent(1 - c.ChanceToWin)} chance; {closest.Name} {Signed(c.Lift)} {metric}, " +
                $"interval {Signed(c.SequentialInterval.Low)} … {Signed(c.SequentialInterval.High)}");
        }

        var leader = treatments.Where(v => v.VsControl is not null).OrderByDescending(v => v.VsControl!.ChanceToWin).FirstOrDefault();
        return new Verdict(VerdictKinds.NoWinnerYet, null, leader is null
            ? "No winner yet."
            : $"No winner yet: {leader.Name} beats {control} with {Percent(leader.VsControl!.ChanceToWin)} chance " +
              $"({Signed(leader.VsControl.Lift)} {metric}, interval {Signed(leader.VsControl.SequentialInterval.Low)} … " +
              $"{Signed(leader.VsControl.SequentialInterval.High)}); keep it running.");
    }

    /// <summary>A chance as a whole percent; never "100 %" or "0 %", which no finite sample can support.</summary>
    private static string Percent(double share) => share switch
    {
        >= 0.995 => "> 99 %",
        <= 0.005 => "< 1 %",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0} %"),
    };

    private static string Signed(double lift) =>
        string.Create(CultureInfo.InvariantCulture, $"{(lift >= 0 ? "+" : "−")}{Math.Abs(Math.Round(lift * 100)):0} %");
}
