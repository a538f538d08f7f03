using HaloAgent.Platform.Workers;

namespace HaloAgent.Integrations.Webhooks;

/// <summary>Wakes this node's webhook sender when a delivery is queued or re-sent here (other nodes poll).</summary>
public sealed class WebhookSignal : WakeSignal;
