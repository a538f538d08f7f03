using HaloAgent.Testing;

namespace HaloAgent.Server.Tests;

/// <summary>
/// The usual ASP.NET Core ways to set the address work (appsettings.json once pinned <c>Urls</c>, which outranks
/// <c>ASPNETCORE_URLS</c>, so the server kept listening on 5080 whatever the host said).
/// </summary>
public sealed class ListeningAddressTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("halo-address-").FullName;

    [Theory]
    [InlineData(AddressBy.UrlsVariable)]
    [InlineData(AddressBy.HttpPortsVariable)]
    public async Task The_server_listens_where_the_environment_says(AddressBy addressBy)
    {
        var environment = new Dictionary<string, string>
        {
            ["HaloAgent__Database__Provider"] = "Sqlite",
            ["ConnectionStrings__HaloAgent"] = $"Data Source={Path.Combine(_folder, $"{addressBy}.db")}",
        };

        // StartAsync returns once GET /health answers on the node's own port, which only the environment named.
        await using var node = await ServerNode.StartAsync(addressBy.ToString(), environment, CancellationToken.None, addressBy);

        using var client = new HttpClient { BaseAddress = node.BaseAddress };
        (await client.GetAsync("/health/live")).IsSuccessStatusCode.ShouldBeTrue(node.OutputTail);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
