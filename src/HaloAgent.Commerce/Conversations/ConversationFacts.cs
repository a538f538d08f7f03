namespace HaloAgent.Commerce.Conversations;

/// <summary>Fact keys the agent fills in; others are allowed, these are the ones flows rely on.</summary>
public static class ConversationFacts
{
    public const string Address = "address";
    public const string DeliveryZone = "delivery_zone";
    public const string PreferredLanguage = "preferred_language";
    public const string Fulfilment = "fulfilment";
    public const string Name = "name";
}
