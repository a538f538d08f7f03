namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>
/// The relative lift of a treatment over the control, μT/μC − 1, with its variance by the delta method (as
/// GrowthBook's engine): Var = σC²·μT² / (μC⁴·nC) + σT² / (μC²·nT), where σ² = p(1−p) for a rate. Relative rather than
/// absolute because "+18 % orders" is what an owner reads, and it is comparable across experiments.
/// </summary>
public sealed record RelativeLift(double Estimate, double Variance)
{
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>Null when the control has no conversions (the ratio is undefined) or a side has nobody exposed.</summary>
    public static RelativeLift? Of(BinomialCounts control, BinomialCounts treatment)
    {
        if (control.Exposed == 0 || treatment.Exposed == 0 || control.Conversions == 0)
        {
            return null;
        }

        double muC = control.Rate, muT = treatment.Rate;
        var variance = control.Variance * muT * muT / (Math.Pow(muC, 4) * control.Exposed)
            + treatment.Variance / (muC * muC * treatment.Exposed);
        return new RelativeLift(muT / muC - 1, variance);
    }
}
