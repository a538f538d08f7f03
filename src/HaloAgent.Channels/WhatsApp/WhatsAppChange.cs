using HaloAgent.Channels.Inbound;
using HaloAgent.Platform.Messaging;

namespace HaloAgent.Channels.WhatsApp;

/// <summary>
/// One <c>entry[].changes[]</c> item: what happened on one business phone number. Messages are not routed yet
/// (their <see cref="InboundMessage.BusinessId"/> is empty); <see cref="Errors"/> are webhook-level errors from Meta.
/// </summary>
public sealed record WhatsAppChange(
    string? Field,
    string? PhoneNumberId,
    string? DisplayPhoneNumber,
    IReadOnlyList<InboundMessage> Messages,
    IReadOnlyList<StatusUpdate> Statuses,
    IReadOnlyList<StatusError> Errors)
{
    /// <summary>Why items of <c>messages[]</c> could not be read (no id, not an object): poison, reported, never handed off.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    /// <summary>Set for a <c>message_template_status_update</c> change (which names no phone number).</summary>
    public TemplateStatusUpdate? TemplateStatus { get; init; }
}
