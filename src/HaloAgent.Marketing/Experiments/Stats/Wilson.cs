using MathNet.Numerics.Distributions;

namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>
/// Wilson score interval for a conversion rate: unlike the plain normal interval it stays inside [0, 1] and is honest
/// for the small counts an experiment starts with (0 of 12 is not "0 % ± 0").
/// </summary>
public static class Wilson
{
    public static Interval Interval(BinomialCounts counts, double confidence = 0.95)
    {
        if (counts.Exposed == 0)
        {
            return new Interval(0, 1);
        }

        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        double n = counts.Exposed, p = counts.Rate, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
