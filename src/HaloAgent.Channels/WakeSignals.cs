using HaloAgent.Platform.Workers;

namespace HaloAgent.Channels;

/// <summary>A webhook event was stored on this node: wake an idle inbox loop.</summary>
internal sealed class InboxSignal : WakeSignal;

/// <summary>A message was queued on this node: wake an idle outbox loop.</summary>
internal sealed class OutboxSignal : WakeSignal;
