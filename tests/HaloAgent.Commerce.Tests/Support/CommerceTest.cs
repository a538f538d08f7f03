using HaloAgent.Commerce.Contacts;

namespace HaloAgent.Commerce.Tests.Support;

/// <summary>Base of the persistence tests: each runs on SQLite and on PostgreSQL through two tiny subclasses.</summary>
public abstract class CommerceTest(TestDatabase database) : IAsyncLifetime
{
    private CommerceHost? _host;

    protected CommerceHost Host => _host ?? throw new InvalidOperationException("Not initialized.");

    protected TestDatabase Database => database;

    protected string BusinessId => Host.BusinessId;

    public async Task InitializeAsync() => _host = await CommerceHost.StartAsync(database);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static int _phones;

    /// <summary>A new customer of the demo business, with a distinct Nigerian number.</summary>
    protected async Task<ContactInfo> NewContactAsync(string? name = "Ada")
    {
        var n = Interlocked.Increment(ref _phones);
        var waId = "234803" + (1_000_000 + n).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        return (await Host.Get<IContactService>().UpsertFromInboundAsync(BusinessId, waId, name, null, null, default)).Contact;
    }
}
