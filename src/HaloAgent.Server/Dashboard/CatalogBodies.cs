namespace HaloAgent.Server.Dashboard;

/// <summary>A new dish. A blank SKU is made from the English name. Prices are kobo (the page converts the owner's naira).</summary>
public sealed record NewDishBody(
    string? Sku, Dictionary<string, string>? Names, List<string>? Aliases, long? PriceKobo, int? Stock, string? Category);

/// <summary>The owner's changes to a dish; a missing field stays as it is. An empty category removes the dish from its category.</summary>
public sealed record DishEditBody(
    long? PriceKobo, int? Stock, bool? SoldOutToday, string? Category, Dictionary<string, string>? Names, List<string>? Aliases, bool? Active);

/// <summary>What staff at the counter change during service: the count and "sold out today".</summary>
public sealed record DishAvailabilityBody(int? Stock, bool? SoldOutToday);

public sealed record CategoryRenameBody(string? From, string? To);

public sealed record CategoryRenamed(string From, string To, int Dishes);
