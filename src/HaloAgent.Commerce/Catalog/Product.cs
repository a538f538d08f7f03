namespace HaloAgent.Commerce.Catalog;

/// <summary>Something a business sells. Prices are kobo; stock is whole units on hand, reserved by confirmed orders.</summary>
public sealed class Product
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    /// <summary>Unique per business; what the NLU, the LLM's tools and WhatsApp catalog orders name the product by.</summary>
    public required string Sku { get; set; }

    /// <summary>JSON object, language code to name: {"en": "Jollof rice", "yo": "Ìrẹsì jọ̀lọ́ọ̀fù", ...}.</summary>
    public string NamesJson { get; set; } = "{}";

    /// <summary>JSON list of other names customers use (spellings, local names, short forms).</summary>
    public string AliasesJson { get; set; } = "[]";

    public long PriceKobo { get; set; }

    public int Stock { get; set; }

    public string? ImageUrl { get; set; }

    public string? Category { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>
    /// Unix ms until which the owner has marked it sold out ("sold out today"): the next business day's start, so the
    /// mark clears itself by time alone (no job to run, nothing to forget on a restart, the same on every node).
    /// </summary>
    public long? SoldOutUntil { get; set; }

    /// <summary>Menu order within the business.</summary>
    public int Position { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
