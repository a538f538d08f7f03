using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>Recipients per status and the funnel, for many broadcasts in two grouped queries.</summary>
internal static class BroadcastCounting
{
    public static readonly BroadcastCounts Empty = new(0, new Dictionary<string, int>(), 0, 0, 0, 0, 0, 0, new Dictionary<string, int>());

    public static async Task<Dictionary<string, BroadcastCounts>> CountAsync(
        MarketingDbContext db, string businessId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var byStatus = await db.Recipients.AsNoTracking()
            .Where(r => r.BusinessId == businessId && ids.Contains(r.BroadcastId))
            .GroupBy(r => new { r.BroadcastId, r.Status, r.Reason })
            .Select(g => new
            {
                g.Key.BroadcastId,
                g.Key.Status,
                g.Key.Reason,
                Count = g.Count(),
                Sent = g.Count(r => r.SentAt != null),
                Delivered = g.Count(r => r.DeliveredAt != null),
                Read = g.Count(r => r.ReadAt != null),
                Replied = g.Count(r => r.RepliedAt != null),
                Ordered = g.Count(r => r.OrderedAt != null),
                Revenue = g.Sum(r => r.RevenueKobo ?? 0),
            })
            .ToListAsync(cancellationToken);
        return byStatus.GroupBy(x => x.BroadcastId).ToDictionary(
            g => g.Key,
            g => new BroadcastCounts(
                g.Sum(x => x.Count),
                g.GroupBy(x => x.Status).ToDictionary(s => s.Key, s => s.Sum(x => x.Count)),
                g.Sum(x => x.Sent), g.Sum(x => x.Delivered), g.Sum(x => x.Read), g.Sum(x => x.Replied), g.Sum(x => x.Ordered), g.Sum(x => x.Revenue),
                g.Where(x => x.Status == RecipientStatus.Skipped).GroupBy(x => x.Reason ?? "").ToDictionary(s => s.Key, s => s.Sum(x => x.Count))));
    }
}
