using HaloAgent.Channels.Messages;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// A message to queue. <see cref="IdempotencyKey"/> makes enqueuing idempotent: a flow step passes its own
/// (deterministic) key, so re-running the step never sends twice. <see cref="BizOpaqueCallbackData"/> (≤ 512) comes back
/// in every delivery report: use it to attribute the message to a flow step, campaign or A/B variant.
/// </summary>
public sealed record OutboundMessage(string BusinessId, string To, OutboundContent Content, string IdempotencyKey)
{
    public string? BizOpaqueCallbackData { get; init; }
}
