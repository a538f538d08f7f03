namespace HaloAgent.AI;

/// <summary>Values of <see cref="UnderstandRequest.AwaitingSlot"/> the NLU interprets.</summary>
public static class Slots
{
    public const string Quantity = "quantity";
    public const string Fulfilment = "fulfilment";
    public const string Address = "address";
    public const string Confirm = "confirm";
}
