namespace HaloAgent.Marketing.Experiments.Stats;

/// <summary>One variant's binomial metric: how many contacts were exposed and how many of them converted.</summary>
public sealed record BinomialCounts(long Exposed, long Conversions)
{
    public double Rate => Exposed == 0 ? 0 : (double)Conversions / Exposed;

    /// <summary>Per-contact variance of a 0/1 outcome, p(1−p).</summary>
    public double Variance => Rate * (1 - Rate);

    public long NonConversions => Exposed - Conversions;
}

/// <summary>An interval on some scale (a rate, or a relative lift where 0.18 means +18 %).</summary>
public sealed record Interval(double Low, double High)
{
    public bool Contains(double value) => Low <= value && value <= High;
}
