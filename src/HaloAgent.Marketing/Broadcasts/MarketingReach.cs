using HaloAgent.Marketing.Journeys;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// Who marketing has reached lately, from the recipients' rows: the frequency cap (per contact, across broadcasts) and
/// Meta's messaging limit (unique WhatsApp customers in a moving 24 h). The sender and the pre-flight both count here.
/// </summary>
internal static class MarketingReach
{
    private static readonly long Day = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    /// <summary>
    /// The contacts among <paramref name="contactIds"/> who already had the cap's number of marketing messages in its
    /// window: broadcasts and journey steps together (the cap is one per contact, whatever sent them).
    /// </summary>
    public static async Task<HashSet<string>> CappedAsync(
        MarketingDbContext db, string businessId, IReadOnlyCollection<string> contactIds, MarketingOptions settings, long now,
        CancellationToken cancellationToken)
    {
        var since = now - (long)settings.FrequencyWindow.TotalMilliseconds;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in contactIds.Chunk(500))
        {
            var broadcasts = await db.Recipients
                .Where(r => r.BusinessId == businessId && chunk.Contains(r.ContactId) && r.QueuedAt >= since && RecipientStatus.Reached.Contains(r.Status))
                .GroupBy(r => r.ContactId).Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var journeys = await db.JourneyMessages
                .Where(m => m.BusinessId == businessId && chunk.Contains(m.ContactId) && m.At >= since && m.Status == JourneyMessageStatus.Queued)
                .GroupBy(m => m.ContactId).Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var row in broadcasts.Concat(journeys))
            {
                counts[row.Key] = counts.GetValueOrDefault(row.Key) + row.Count;
            }
        }

        return counts.Where(c => c.Value >= settings.FrequencyCap).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// When one contact may get a marketing message again: null when the cap has room now, else the moment the oldest
    /// message that fills it leaves the window.
    /// </summary>
    public static async Task<long?> CappedUntilAsync(
        MarketingDbContext db, string businessId, string contactId, MarketingOptions settings, long now, CancellationToken cancellationToken)
    {
        var window = (long)settings.FrequencyWindow.TotalMilliseconds;
        var since = now - window;
        var times = (await db.Recipients
                .Where(r => r.BusinessId == businessId && r.ContactId == contactId && r.QueuedAt >= since && RecipientStatus.Reached.Contains(r.Status))
                .Select(r => r.QueuedAt!.Value).ToListAsync(cancellationToken))
            .Concat(await db.JourneyMessages
                .Where(m => m.BusinessId == businessId && m.ContactId == contactId && m.At >= since && m.Status == JourneyMessageStatus.Queued)
                .Select(m => m.At).ToListAsync(cancellationToken))
            .OrderByDescending(t => t).ToList();
        // The cap-th newest message leaving the window is what brings the count below the cap.
        return times.Count < settings.FrequencyCap || settings.FrequencyCap <= 0 ? null : times[settings.FrequencyCap - 1] + window;
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
