namespace HaloAgent.Server.Dashboard;

/// <summary>Settings of the owner dashboard (<c>HaloAgent:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "HaloAgent:Dashboard";

    /// <summary>An active product with this many units or fewer is flagged low on stock.</summary>
    public int LowStockThreshold { get; set; } = 5;

    /// <summary>How often a live stream looks for changes made on any node (all nodes share the database).</summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A comment line this often keeps proxies from closing an idle stream.</summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest contacts CSV accepted (bytes); a bigger upload is refused with 413 before it is parsed.</summary>
    public long MaxImportBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest dish photo accepted (bytes): a phone photo resized for a menu fits well under it; 413 above.</summary>
    public long MaxPhotoBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>The inbox lists at most this many conversations (the most recent; open escalations always).</summary>
    public int MaxConversations { get; set; } = 200;
}
