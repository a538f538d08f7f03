using HaloAgent.Channels.Inbound;

namespace HaloAgent.Channels.Twilio;

/// <summary>A parsed Twilio webhook: the business's number it was sent to and the message (not routed yet), or why it is unusable.</summary>
internal sealed record TwilioInbound(string? BusinessNumber, InboundMessage? Message, string? Error);
