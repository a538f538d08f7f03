namespace HaloAgent.Integrations.Triggers;

/// <summary>An incoming hook: <c>POST /hooks/{businessId}/{name}</c> with its secret raises <c>hook.{name}</c> for the business's flows.</summary>
public sealed class IncomingTrigger
{
    public string Id { get; set; } = "";

    public string BusinessId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Encrypted (not hashed: the caller may sign the body with it, so it must be readable); shown once, when created.</summary>
    public string Secret { get; set; } = "";

    public long CreatedAt { get; set; }

    public long? LastUsedAt { get; set; }
}
