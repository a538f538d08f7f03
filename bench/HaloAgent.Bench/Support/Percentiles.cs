using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloAgent.Bench;

/// <summary>p50/p90/p99/max of a set of millisecond values (nearest-rank on the sorted values).</summary>
public sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values)
    {
        _sorted = values.ToArray();
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double At(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Mean => _sorted.Length == 0 ? double.NaN : _sorted.Average();

    public string Describe() => _sorted.Length == 0
        ? "(no samples)"
        : $"p50 {Fmt.Ms(At(50))}, p90 {Fmt.Ms(At(90))}, p99 {Fmt.Ms(At(99))}, max {Fmt.Ms(Max)} (n={Fmt.N(Count)})";

    public JsonObject ToJson() => new()
    {
        ["count"] = Count,
        ["p50Ms"] = Round(At(50)),
        ["p90Ms"] = Round(At(90)),
        ["p99Ms"] = Round(At(99)),
        ["maxMs"] = Round(Max),
        ["meanMs"] = Round(Mean),
    };

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 3);

    public override string ToString() => Describe().ToString(CultureInfo.InvariantCulture);
}
