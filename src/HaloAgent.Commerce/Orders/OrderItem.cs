namespace HaloAgent.Commerce.Orders;

/// <summary>A line of an order, with the product's names and price as they were when the order was made.</summary>
public sealed class OrderItem
{
    public required string OrderId { get; set; }

    public int Line { get; set; }

    public required string ProductId { get; set; }

    public required string Sku { get; set; }

    public string NamesJson { get; set; } = "{}";

    public long UnitPriceKobo { get; set; }

    public int Quantity { get; set; }

    public long LineTotalKobo { get; set; }
}
