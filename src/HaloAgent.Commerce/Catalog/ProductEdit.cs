namespace HaloAgent.Commerce.Catalog;

/// <summary>What the owner changes on a dish; a null field stays as it is.</summary>
public sealed record ProductEdit
{
    public long? PriceKobo { get; init; }

    public int? Stock { get; init; }

    /// <summary>True marks it sold out until the next business day (<see cref="BusinessDay"/>); false sells it again now.</summary>
    public bool? SoldOutToday { get; init; }

    /// <summary>An empty string takes the dish out of any category.</summary>
    public string? Category { get; init; }

    /// <summary>Replaces every name; English is required.</summary>
    public IReadOnlyDictionary<string, string>? Names { get; init; }

    public IReadOnlyList<string>? Aliases { get; init; }

    public string? ImageUrl { get; init; }

    public bool? Active { get; init; }
}
