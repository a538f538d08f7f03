namespace HaloAgent.Channels.Outbox;

/// <summary>A message in the outbox, by who it is for and when it was queued (the queuing node's wall clock).</summary>
public sealed record OutboxEntry(string Id, string Recipient, DateTimeOffset QueuedAt);
