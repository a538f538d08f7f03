namespace HaloAgent.Channels.Inbound;

/// <summary>One catalog line. <see cref="ItemPrice"/> is decimal: a price is never a floating-point number.</summary>
public sealed record InboundOrderItem(string ProductRetailerId, int Quantity, decimal ItemPrice, string? Currency);
