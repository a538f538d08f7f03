namespace HaloAgent.AI.Llm;

/// <summary>What survived validation of the model's tool calls.</summary>
internal sealed class ToolCallOutcome
{
    public Intent? Intent { get; set; }

    public string? Language { get; set; }

    public double? Confidence { get; set; }

    public List<ItemMention> Items { get; } = [];

    public int? Quantity { get; set; }

    public Fulfilment? Fulfilment { get; set; }

    public string? Address { get; set; }

    public List<string> UnknownProducts { get; } = [];

    /// <summary>Calls (or parts of calls) used.</summary>
    public int Accepted { get; set; }

    /// <summary>Calls refused, including unknown tools.</summary>
    public int Refused { get; set; }

    /// <summary>The model tried something no honest reading produces (a price, a negative or absurd quantity): trust it less.</summary>
    public bool Suspicious { get; set; }
}
