namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>An external effect done under an activity's idempotency key, with its result, so a re-run returns it instead of repeating it.</summary>
public sealed class EffectRecord
{
    public required string Key { get; set; }

    public string? Result { get; set; }

    public long CreatedAt { get; set; }
}
