using HaloAgent.Channels.Inbound;
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

    /// <summary>The channel the customer is reached on (the one they last wrote on). <see cref="To"/> is their id there.</summary>
    public ChannelKind Channel { get; init; } = ChannelKind.WhatsApp;

    /// <summary>Meta's code of the approved-template language to re-send in if the 24-hour window has closed (default en).</summary>
    public string? TemplateLanguage { get; init; }
}
