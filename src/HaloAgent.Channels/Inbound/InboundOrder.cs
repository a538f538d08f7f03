namespace HaloAgent.Channels.Inbound;

/// <summary>A cart sent from the WhatsApp catalog. Prices are what the customer saw; the order is always re-priced in code.</summary>
public sealed record InboundOrder(string? CatalogId, IReadOnlyList<InboundOrderItem> Items, string? Text = null);
