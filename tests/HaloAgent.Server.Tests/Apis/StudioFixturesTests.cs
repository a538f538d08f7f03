using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Server.Tests.Apis;

/// <summary>
/// As <see cref="ActivitiesFixtureTests"/> does for the activities: the Studio's unit tests read the event catalogue and
/// the expression function table from fixtures, which must be what the server serves. <c>HALO_UPDATE_FIXTURES=1</c>
/// rewrites them from the server.
/// </summary>
public sealed class StudioFixturesTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("events.fixture.json", "/api/events/catalog")]
    [InlineData("functions.fixture.json", "/api/flows/functions")]
    public async Task The_studio_fixture_is_what_the_server_serves(string fixture, string path)
    {
        var file = Path.Combine(RepositoryRoot.Path, "src", "HaloAgent.Studio", "src", "test", fixture);
        using var client = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var served = (await client.GetFromJsonAsync<JsonArray>(path))!;
        if (Environment.GetEnvironmentVariable("HALO_UPDATE_FIXTURES") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(file, served.ToJsonString(options) + "\n");
        }

        var stored = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        JsonNode.DeepEquals(stored, served).ShouldBeTrue(
            $"{fixture} differs from GET {path} (HALO_UPDATE_FIXTURES=1 rewrites it):\nfixture {stored.ToJsonString()}\nserver  {served.ToJsonString()}");
    }
}
