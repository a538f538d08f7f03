using MathNet.Numerics.Distributions;

namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>
/// Sample-ratio mismatch: a chi-square goodness-of-fit of the exposed counts against the configured weights. A
/// mismatch means assignment or tracking is broken (e.g. one variant's message fails to send), so no lift can be
/// trusted; flagged at p &lt; 0.001 because the check runs continuously and must not cry wolf.
/// </summary>
public static class SampleRatio
{
    public const double Threshold = 0.001;

    public sealed record Result(double ChiSquare, double PValue, bool Mismatch);

    public static Result Check(IReadOnlyList<long> exposed, IReadOnlyList<double> weights)
    {
        if (exposed.Count != weights.Count || exposed.Count < 2)
        {
            throw new ArgumentException("One weight per variant, at least two variants.", nameof(weights));
        }

        double total = exposed.Sum(), weightSum = weights.Sum();
        if (total == 0 || weightSum <= 0)
        {
            return new Result(0, 1, false);
        }

        var chi = 0.0;
        for (var i = 0; i < exposed.Count; i++)
        {
            var expected = total * weights[i] / weightSum;
            chi += (exposed[i] - expected) * (exposed[i] - expected) / expected;
        }

        var p = 1 - ChiSquared.CDF(exposed.Count - 1, chi);
        return new Result(chi, p, p < Threshold);
    }
}
