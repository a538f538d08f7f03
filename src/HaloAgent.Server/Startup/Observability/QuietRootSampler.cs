using OpenTelemetry.Trace;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>
/// Samples everything except database commands that belong to no trace: the workers and senders poll their queues
/// several times a second, and each idle poll would otherwise be a trace of its own. The same commands inside a
/// request, an inbox span or an engine batch are kept.
/// </summary>
public sealed class QuietRootSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.ParentContext.TraceId != default)
        {
            return samplingParameters.ParentContext.TraceFlags.HasFlag(System.Diagnostics.ActivityTraceFlags.Recorded) ? Keep : Drop;
        }

        if (samplingParameters.Kind == System.Diagnostics.ActivityKind.Client && samplingParameters.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.system" || tag.Key == "db.system.name")
                {
                    return Drop;
                }
            }
        }

        return Keep;
    }
}
