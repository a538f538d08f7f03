using HaloAgent.Commerce.Catalog;

namespace HaloAgent.Commerce.Carts;

public sealed record CartLine(string ProductId, string Sku, LocalizedNames Names, long UnitPriceKobo, int Quantity, int Stock)
{
    public long LineTotalKobo => UnitPriceKobo * Quantity;
}
