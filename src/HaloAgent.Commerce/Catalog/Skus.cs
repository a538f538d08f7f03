namespace HaloAgent.Commerce.Catalog;

internal static class Skus
{
    /// <summary>SKUs are stored upper-case, so "jollof-rice" from a tool call finds "JOLLOF-RICE".</summary>
    public static string Normalize(string sku) => sku.Trim().ToUpperInvariant();
}
