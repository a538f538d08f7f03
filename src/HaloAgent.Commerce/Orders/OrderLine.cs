using HaloAgent.Commerce.Catalog;

namespace HaloAgent.Commerce.Orders;

public sealed record OrderLine(string Sku, LocalizedNames Names, long UnitPriceKobo, int Quantity, long LineTotalKobo);
