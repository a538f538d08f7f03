namespace HaloAgent.Commerce.Messaging;

/// <summary>The message's id; <see cref="Duplicate"/> when it was logged before (redelivered webhook, retried step).</summary>
public sealed record LogResult(string MessageId, bool Duplicate);
