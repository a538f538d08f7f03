namespace HaloAgent.Commerce.Carts;

/// <summary>One open cart per contact. Quantities are checked against stock on hand; nothing is reserved until an order.</summary>
public interface ICartService
{
    /// <summary>Most units one line may hold: a guard against typos and hostile tool calls, not a business rule.</summary>
    public const int MaxLineQuantity = 999;

    Task<CartView> GetAsync(string businessId, string contactId, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="quantity"/> units to what the cart already holds of that SKU.</summary>
    Task<CartResult> AddItemAsync(string businessId, string contactId, string sku, int quantity, CancellationToken cancellationToken);

    /// <summary>Sets the line to exactly <paramref name="quantity"/> units; 0 removes it.</summary>
    Task<CartResult> SetQuantityAsync(string businessId, string contactId, string sku, int quantity, CancellationToken cancellationToken);

    Task<CartResult> RemoveItemAsync(string businessId, string contactId, string sku, CancellationToken cancellationToken);

    Task<CartView> ClearAsync(string businessId, string contactId, CancellationToken cancellationToken);

    /// <summary>Contacts whose cart has items and has not changed since <paramref name="idleSince"/> (Unix ms).</summary>
    Task<IReadOnlyList<string>> ListIdleAsync(string businessId, long idleSince, CancellationToken cancellationToken);
}
