namespace HaloAgent.Commerce.Orders;

/// <summary>One row per status change (the first has no <see cref="FromStatus"/>): who moved the order, when and why.</summary>
public sealed class OrderStatusChange
{
    public required string OrderId { get; set; }

    /// <summary>The order's <see cref="Order.Version"/> this change produced: orders the history, and a key no two changes share.</summary>
    public long Sequence { get; set; }

    public OrderStatus? FromStatus { get; set; }

    public OrderStatus ToStatus { get; set; }

    /// <summary>"agent", "owner", "payments", ... free text naming who did it.</summary>
    public required string Actor { get; set; }

    public string? Note { get; set; }

    public long At { get; set; }
}
