namespace HaloAgent.Commerce.Messaging;

/// <summary>Inbound messages are <see cref="Received"/>; outbound ones move queued → sent → delivered → read, or failed.</summary>
public enum MessageStatus
{
    Received,
    Queued,
    Sent,
    Delivered,
    Read,
    Failed,
}
