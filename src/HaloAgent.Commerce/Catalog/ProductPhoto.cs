namespace HaloAgent.Commerce.Catalog;

/// <summary>
/// A dish's photo, kept in the database beside the dish: every node serves it without shared disk, and a backup of the
/// database holds the whole menu. Photos are small (the dashboard refuses big ones), one per dish.
/// </summary>
public sealed class ProductPhoto
{
    /// <summary>Where the server serves a dish's photo: this path and the product id.</summary>
    public const string Path = "/media/dishes/";

    public required string ProductId { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Data { get; set; }

    public long UpdatedAt { get; set; }
}
