namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Where one live stream is in each table. Rows are read from a little before the newest change seen
/// (<see cref="DashboardChangeFeed.Overlap"/>), because another node with a slightly slow clock may commit a change
/// stamped earlier; <see cref="Seen"/> remembers what was sent within that overlap, so nothing is sent twice.
/// </summary>
public sealed class ChangeCursor(string businessId)
{
    public string BusinessId { get; } = businessId;

    public Watermark Orders { get; } = new();

    public Watermark Payments { get; } = new();

    public Watermark Contacts { get; } = new();

    public Watermark Outbound { get; } = new();

    /// <summary>The newest change time seen in one table and the rows (id → version or time) already sent near it.</summary>
    public sealed class Watermark
    {
        public long Since { get; set; }

        public Dictionary<string, (long Version, long At)> Seen { get; } = new(StringComparer.Ordinal);

        /// <summary>True when the row (at this version) was not sent yet; records it.</summary>
        public bool Add(string id, long version, long at)
        {
            if (Seen.TryGetValue(id, out var sent) && sent.Version == version)
            {
                return false;
            }

            Seen[id] = (version, at);
            Since = Math.Max(Since, at);
            return true;
        }

        public void Prune(long overlap)
        {
            var floor = Since - overlap;
            foreach (var id in Seen.Where(s => s.Value.At < floor).Select(s => s.Key).ToList())
            {
                Seen.Remove(id);
            }
        }
    }
}
