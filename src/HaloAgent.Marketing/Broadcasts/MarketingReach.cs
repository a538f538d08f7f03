using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// Who marketing has reached lately, from the recipients' rows: the frequency cap (per contact, across broadcasts) and
/// Meta's messaging limit (unique WhatsApp customers in a moving 24 h). The sender and the pre-flight both count here.
/// </summary>
internal static class MarketingReach
{
    private static readonly long Day = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    /// <summary>The contacts among <paramref name="contactIds"/> who already had the cap's number of messages in its window.</summary>
    public static async Task<HashSet<string>> CappedAsync(
        MarketingDbContext db, string businessId, IReadOnlyCollection<string> contactIds, MarketingOptions settings, long now,
        CancellationToken cancellationToken)
    {
        var since = now - (long)settings.FrequencyWindow.TotalMilliseconds;
        var capped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in contactIds.Chunk(500))
        {
            capped.UnionWith(await db.Recipients
                .Where(r => r.BusinessId == businessId && chunk.Contains(r.ContactId) && r.QueuedAt >= since && RecipientStatus.Reached.Contains(r.Status))
                .GroupBy(r => r.ContactId).Where(g => g.Count() >= settings.FrequencyCap).Select(g => g.Key)
                .ToListAsync(cancellationToken));
        }

        return capped;
    }

    /// <summary>Unique WhatsApp customers reached in the 24 h before <paramref name="now"/>, and when the oldest of those frees its place.</summary>
    public static async Task<(int Count, long? FreedAt)> ReachedTodayAsync(MarketingDbContext db, string businessId, long now, CancellationToken cancellationToken)
    {
        var since = now - Day;
        var reached = db.Recipients.Where(r => r.BusinessId == businessId && r.Channel == "whatsapp" && r.QueuedAt >= since
            && RecipientStatus.Reached.Contains(r.Status));
        var count = await reached.Select(r => r.ContactId).Distinct().CountAsync(cancellationToken);
        var oldest = count == 0 ? null : await reached.MinAsync(r => r.QueuedAt, cancellationToken);
        return (count, oldest + Day);
    }
}
