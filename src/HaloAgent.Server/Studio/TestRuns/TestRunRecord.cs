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

    /// <summary>
    /// The engine tenant of the sandbox flow and its instance (<see cref="TestRunIds.SandboxTenant"/>); null for runs made
    /// before sandboxes had their own tenant, whose flow belongs to the business (<see cref="Tenant"/> reads both).
    /// </summary>
    public string? FlowTenant { get; set; }

    public required string ContactId { get; set; }

    /// <summary>The contact's channel key, <c>web:sandbox-{id}</c>: the conversation is read back with it.</summary>
    public required string ContactKey { get; set; }

    public required string StartNodeId { get; set; }

    /// <summary>The event the draft's Start node waits for (the instance starts on its first occurrence); null: started at once.</summary>
    public string? StartEvent { get; set; }

    public string? InstanceId { get; set; }

    public required string CreatedBy { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>When the run was ended (by the Studio or, idle, by <see cref="TestRunSweeper"/>): it takes no more messages.</summary>
    public long? EndedAt { get; set; }

    /// <summary>
    /// When the Studio last used the run (created it, sent a message, fast-forwarded, polled it), to a minute's
    /// resolution: a run left idle longer than <see cref="TestRunOptions.TestRunIdleMinutes"/> was abandoned and is ended.
    /// </summary>
    public long LastActiveAt { get; set; }

    /// <summary>
    /// JSON of <see cref="TestRunSnapshot"/>: what the ended run showed, kept before its sandbox data is deleted so the
    /// Studio can still read it. Null while the run is live and until the cleanup takes it.
    /// </summary>
    public string? Snapshot { get; set; }

    /// <summary>When everything the run created was deleted (see <see cref="TestRunCleanup"/>); null until then, so a sweep finishes the job.</summary>
    public long? CleanedAt { get; set; }

    public Engine.Runtime.TenantScope Tenant => Engine.Runtime.TenantScope.Of(FlowTenant ?? BusinessId);
}
