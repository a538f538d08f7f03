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

    private IEnumerable<Watermark> All => [Orders, Payments, Contacts, Outbound];

    /// <summary>The poll's events were built: what it read counts as sent, and rows older than the overlap are forgotten.</summary>
    public void Commit(long overlap)
    {
        foreach (var watermark in All)
        {
            watermark.Commit();
            watermark.Prune(overlap);
        }
    }

    /// <summary>The poll failed: the next one reads the same rows again.</summary>
    public void Rollback()
    {
        foreach (var watermark in All)
        {
            watermark.Rollback();
        }
    }

    /// <summary>The newest change time seen in one table and the rows (id → version or time) already sent near it.</summary>
    public sealed class Watermark
    {
        public long Since { get; set; }

        public Dictionary<string, (long Version, long At)> Seen { get; } = new(StringComparer.Ordinal);

        /// <summary>Rows taken as sent by the poll under way; they count as sent once it <see cref="Commit"/>s.</summary>
        private readonly List<(string Id, long Version, long At)> _pending = [];

        /// <summary>
        /// True when the row (at this version) was not sent yet. Recorded for this poll only: a poll that fails after
        /// reading rows must leave them to the next one, or the change is never reported.
        /// </summary>
        public bool Add(string id, long version, long at)
        {
            if (Seen.TryGetValue(id, out var sent) && sent.Version == version)
            {
                return false;
            }

            _pending.Add((id, version, at));
            return true;
        }

        public void Commit()
        {
            foreach (var (id, version, at) in _pending)
            {
                Seen[id] = (version, at);
                Since = Math.Max(Since, at);
            }

            _pending.Clear();
        }

        public void Rollback() => _pending.Clear();

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
