using System.Diagnostics.Metrics;

namespace HaloAgent.AI;

/// <summary>
/// The LLM's metrics (meter <see cref="MeterName"/>): calls by result, tokens by direction, and the messages the
/// built-in rules answered instead, by reason. The rules' own answers (LLM off, or not worth asking) are not counted.
/// </summary>
public sealed class AiMetrics
{
    public const string MeterName = "HaloAgent.AI";

    private static readonly double[] DurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32];

    private readonly Counter<long> _calls;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _duration;

    public AiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("haloagent.llm.calls", "{call}", "LLM chat calls by result: ok, timeout, error.");
        _tokens = meter.CreateCounter<long>("haloagent.llm.tokens", "{token}", "Tokens the LLM provider reported, by type: input, output.");
        _fallbacks = meter.CreateCounter<long>("haloagent.llm.fallbacks", "{message}", "Messages the built-in rules answered because the LLM timed out, failed or proposed nothing valid.");
        _duration = meter.CreateHistogram("haloagent.llm.duration", "s", "LLM call duration, by result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>One call ended with <paramref name="result"/> (<c>ok</c>, <c>timeout</c>, <c>error</c>) after <paramref name="elapsed"/>.</summary>
    public void Call(string result, TimeSpan elapsed, long? inputTokens = null, long? outputTokens = null)
    {
        var tag = new KeyValuePair<string, object?>("result", result);
        _calls.Add(1, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
        if (inputTokens is > 0)
        {
            _tokens.Add(inputTokens.Value, new KeyValuePair<string, object?>("type", "input"));
        }

        if (outputTokens is > 0)
        {
            _tokens.Add(outputTokens.Value, new KeyValuePair<string, object?>("type", "output"));
        }
    }

    /// <summary>A call that ended without an answer (<c>timeout</c>, <c>error</c>), so the rules answered instead.</summary>
    public void Failed(string result, TimeSpan elapsed)
    {
        Call(result, elapsed);
        Fallback(result);
    }

    /// <summary>The rules answered instead: <c>timeout</c>, <c>error</c> or <c>invalid</c> (no valid tool call).</summary>
    public void Fallback(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
