namespace HaloAgent.Channels.Inbound;

/// <summary>
/// A message that can never be handled, however often it is tried (an invalid sender, unreadable content). The inbox
/// dead-letters it at once with <see cref="Exception.Message"/> as the reason instead of retrying it; any other
/// exception from a handler counts as transient and is retried with backoff.
/// </summary>
public sealed class PermanentMessageException(string reason) : Exception(reason);
