namespace HaloAgent.Commerce.Orders;

public sealed record StockShortage(string Sku, int Requested, int Available);
