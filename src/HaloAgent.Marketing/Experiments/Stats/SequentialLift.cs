namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>
/// Always-valid (sequential) interval on the relative lift: an asymptotic confidence sequence (Waudby-Smith et al.,
/// "Time-uniform central limit theory", eq. 9, as GrowthBook's engine uses it). Unlike the fixed-sample interval it may
/// be looked at after every message without inflating false positives, at the price of being wider.
/// <para>
/// <b>Tuning parameter</b> (<see cref="DefaultTuning"/>, GrowthBook's default 5000): the total number of exposed contacts
/// at which the sequence is tightest. Set it near the sample the experiment is expected to reach; a value far off only
/// widens the interval, it never breaks the guarantee.
/// </para>
/// </summary>
public static class SequentialLift
{
    public const double DefaultTuning = 5000;

    /// <param name="lift">The delta-method estimate and its variance.</param>
    /// <param name="totalExposed">N, exposed contacts in both arms compared.</param>
    public static Interval Of(RelativeLift lift, long totalExposed, double alpha = 0.05, double tuning = DefaultTuning)
    {
        var half = HalfWidth(lift.Variance, totalExposed, alpha, tuning);
        return new Interval(lift.Estimate - half, lift.Estimate + half);
    }

    public static double HalfWidth(double variance, long totalExposed, double alpha = 0.05, double tuning = DefaultTuning)
    {
        double n = totalExposed;
        // ρ chosen (eq. 161 of the paper) so the sequence is tightest when n reaches the tuning parameter.
        var rho2 = (-2 * Math.Log(alpha) + Math.Log(-2 * Math.Log(alpha) + 1)) / tuning;
        var s2 = variance * n; // the estimate's variance back on a per-contact scale
        var first = (n * s2 * rho2 + 1) / (rho2 * n * n);
        var second = Math.Log(Math.Sqrt(n * s2 * rho2 + 1) / alpha);
        return Math.Sqrt(2 * first * second);
    }
}
