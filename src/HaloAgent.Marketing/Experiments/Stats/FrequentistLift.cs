using MathNet.Numerics.Distributions;

namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>
/// Frequentist reading of a relative lift: a two-sided test of "no lift" and its (1−α) interval from the delta-method
/// standard error. The normal reference (not Student's t) is used because the minimum sample keeps every arm well
/// above the counts where the two differ in the third decimal.
/// </summary>
public static class FrequentistLift
{
    public sealed record Result(double ZScore, double PValue, Interval ConfidenceInterval, bool Significant);

    public static Result Of(RelativeLift lift, double alpha = 0.05)
    {
        var se = lift.StandardError;
        var z = lift.Estimate / se;
        var p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        var half = Normal.InvCDF(0, 1, 1 - alpha / 2) * se;
        return new Result(z, p, new Interval(lift.Estimate - half, lift.Estimate + half), p < alpha);
    }
}
