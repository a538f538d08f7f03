namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// One test run of a flow: a sandbox web chat contact of the user's business and the hidden copy of the draft that
/// runs for it. Kept in the database (not in memory) so every node of a cluster can route the sandbox contact's
/// messages to it and answer the Studio's polls.
/// </summary>
public sealed class TestRunRecord
{
    /// <summary>24 lower-case hex characters: part of the sandbox flow id and of the contact key.</summary>
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>The flow whose draft is tested.</summary>
    public required string FlowId { get; set; }

    /// <summary>The hidden published copy that actually runs (<see cref="TestRunIds.SandboxFlowId"/>).</summary>
    public required string SandboxFlowId { get; set; }

    public required string ContactId { get; set; }

    /// <summary>The contact's channel key, <c>web:sandbox-{id}</c>: the conversation is read back with it.</summary>
    public required string ContactKey { get; set; }

    public required string StartNodeId { get; set; }

    /// <summary>The event the draft's Start node waits for (the instance starts on its first occurrence); null: started at once.</summary>
    public string? StartEvent { get; set; }

    public string? InstanceId { get; set; }

    public required string CreatedBy { get; set; }

    public long CreatedAt { get; set; }

    public long? EndedAt { get; set; }
}
