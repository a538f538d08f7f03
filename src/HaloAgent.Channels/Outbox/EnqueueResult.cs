namespace HaloAgent.Channels.Outbox;

/// <summary>The outbox row for the key, and whether this call created it (false: the key was queued before, nothing new).</summary>
public sealed record EnqueueResult(string Id, bool Created);
