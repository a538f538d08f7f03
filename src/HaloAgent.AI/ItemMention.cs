namespace HaloAgent.AI;

/// <summary>A catalog product the message mentions, with the quantity said next to it (null when none was said).</summary>
public sealed record ItemMention(string Sku, int? Quantity);
