namespace HaloAgent.Channels.Messages;

/// <summary>A message that WhatsApp would refuse (over a limit, missing a part): reported before anything is queued.</summary>
public sealed class OutboundContentException(IReadOnlyList<string> errors)
    : ArgumentException("The WhatsApp message is not valid: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
