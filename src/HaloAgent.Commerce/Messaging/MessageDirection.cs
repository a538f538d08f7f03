namespace HaloAgent.Commerce.Messaging;

public enum MessageDirection
{
    Inbound,
    Outbound,
}
