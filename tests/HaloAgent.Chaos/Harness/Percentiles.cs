using System.Globalization;

namespace HaloAgent.Chaos;

/// <summary>Nearest-rank percentiles of a set of millisecond values.</summary>
public sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values) => _sorted = values.Order().ToArray();

    public int Count => _sorted.Length;

    public double At(double percentile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public override string ToString() => _sorted.Length == 0
        ? "n=0"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {At(50):0} ms, p99 {At(99):0} ms, max {Max:0} ms (n={Count})");
}
