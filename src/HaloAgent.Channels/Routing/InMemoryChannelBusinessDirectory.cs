using System.Collections.Concurrent;

namespace HaloAgent.Channels.Routing;

/// <summary>A directory held in memory: for tests, and for a host whose businesses come from configuration.</summary>
public sealed class InMemoryChannelBusinessDirectory : IChannelBusinessDirectory
{
    private readonly ConcurrentDictionary<string, ChannelBusiness> _businesses = new(StringComparer.Ordinal);

    public InMemoryChannelBusinessDirectory(params IEnumerable<ChannelBusiness> businesses)
    {
        foreach (var business in businesses)
        {
            Add(business);
        }
    }

    /// <summary>Adds or replaces a business (by id).</summary>
    public void Add(ChannelBusiness business) => _businesses[business.Id] = business;

    public Task<ChannelBusiness?> FindByPhoneNumberIdAsync(string phoneNumberId, CancellationToken cancellationToken) =>
        Task.FromResult(_businesses.Values.FirstOrDefault(b => string.Equals(b.PhoneNumberId, phoneNumberId, StringComparison.Ordinal)));

    public Task<ChannelBusiness?> FindByTwilioNumberAsync(string number, CancellationToken cancellationToken) =>
        Task.FromResult(_businesses.Values.FirstOrDefault(b => string.Equals(b.TwilioNumber, number, StringComparison.Ordinal)));

    public Task<ChannelBusiness?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(_businesses.Values.FirstOrDefault(b => string.Equals(b.Slug, slug, StringComparison.Ordinal)));

    public Task<ChannelBusiness?> GetAsync(string businessId, CancellationToken cancellationToken) =>
        Task.FromResult(_businesses.GetValueOrDefault(businessId));
}
