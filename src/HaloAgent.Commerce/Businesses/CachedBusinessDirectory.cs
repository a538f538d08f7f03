using System.Collections.Concurrent;

namespace HaloAgent.Commerce.Businesses;

/// <summary>
/// Every inbound message, agent step and outbox batch looks its business up; a business's settings change rarely.
/// Found businesses are kept for a few seconds (misses are not, so a new business is seen at once); a change made on
/// any node is seen everywhere within <see cref="Lifetime"/>.
/// </summary>
public sealed class CachedBusinessDirectory(BusinessDirectory inner, TimeProvider clock) : IBusinessDirectory
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (BusinessProfile Business, long Until)> _entries = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<BusinessProfile>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

    public Task<BusinessProfile?> GetAsync(string businessId, CancellationToken cancellationToken) =>
        CachedAsync("id:" + businessId, () => inner.GetAsync(businessId, cancellationToken));

    public Task<BusinessProfile?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        CachedAsync("slug:" + slug.Trim().ToLowerInvariant(), () => inner.FindBySlugAsync(slug, cancellationToken));

    public Task<BusinessProfile?> FindByWhatsAppPhoneNumberIdAsync(string phoneNumberId, CancellationToken cancellationToken) =>
        CachedAsync("pnid:" + phoneNumberId, () => inner.FindByWhatsAppPhoneNumberIdAsync(phoneNumberId, cancellationToken));

    /// <summary>Drops this node's copies of the business (by id, slug and number) after its settings changed here.</summary>
    public void Forget(string businessId)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.Business.Id == businessId)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private async Task<BusinessProfile?> CachedAsync(string key, Func<Task<BusinessProfile?>> load)
    {
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(key, out var entry) && entry.Until > now)
        {
            return entry.Business;
        }

        var business = await load();
        if (business is not null)
        {
            _entries[key] = (business, now + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency));
        }
        else
        {
            _entries.TryRemove(key, out _);
        }

        return business;
    }
}
