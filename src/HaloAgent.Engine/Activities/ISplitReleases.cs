namespace HaloAgent.Engine.Activities;

/// <summary>
/// A Split decided outside its flow: once its experiment is stopped every contact gets the control (the first variant),
/// once promoted the winner. Null while the experiment runs, and always without an experiments module.
/// </summary>
public interface ISplitReleases
{
    ValueTask<string?> ReleasedVariantAsync(string flowId, string nodeId, IReadOnlyList<string> variants, CancellationToken cancellationToken);
}

public sealed class NoSplitReleases : ISplitReleases
{
    public ValueTask<string?> ReleasedVariantAsync(string flowId, string nodeId, IReadOnlyList<string> variants, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);
}
