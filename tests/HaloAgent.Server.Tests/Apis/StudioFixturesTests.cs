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
/// The Studio's unit tests build flows from fixtures in <c>src/HaloAgent.Studio/src/test/</c> instead of a server (the
/// activities, the event catalogue, the expression function table): each must be what the server serves, or the
/// designer is tested against things that do not exist (or no longer look like that). <c>HALO_UPDATE_FIXTURES=1</c>
/// rewrites them from the server.
/// </summary>
public sealed class StudioFixturesTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_activities_fixture_is_what_the_server_serves()
    {
        var (stored, served) = await StoredAndServedAsync("activities.fixture.json", "/api/activities");
        var fixture = ByType(stored.AsArray());
        var server = ByType(served);
        fixture.Keys.ShouldBe(server.Keys, ignoreOrder: true, "the fixture lists the server's activity types (HALO_UPDATE_FIXTURES=1 rewrites it)");
        foreach (var (type, descriptor) in server)
        {
            JsonNode.DeepEquals(fixture[type], descriptor).ShouldBeTrue(
                $"{type} differs (HALO_UPDATE_FIXTURES=1 rewrites the fixture):\nfixture {fixture[type]!.ToJsonString()}\nserver  {descriptor.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("events.fixture.json", "/api/events/catalog")]
    [InlineData("functions.fixture.json", "/api/flows/functions")]
    public async Task The_studio_fixture_is_what_the_server_serves(string fixture, string path)
    {
        var (stored, served) = await StoredAndServedAsync(fixture, path);
        JsonNode.DeepEquals(stored, served).ShouldBeTrue(
            $"{fixture} differs from GET {path} (HALO_UPDATE_FIXTURES=1 rewrites it):\nfixture {stored.ToJsonString()}\nserver  {served.ToJsonString()}");
    }

    private async Task<(JsonNode Stored, JsonArray Served)> StoredAndServedAsync(string fixture, string path)
    {
        var file = Path.Combine(RepositoryRoot.Path, "src", "HaloAgent.Studio", "src", "test", fixture);
        using var client = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var served = (await client.GetFromJsonAsync<JsonArray>(path))!;
        if (Environment.GetEnvironmentVariable("HALO_UPDATE_FIXTURES") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(file, served.ToJsonString(options) + "\n");
        }

        return (JsonNode.Parse(await File.ReadAllTextAsync(file))!, served);
    }

    private static Dictionary<string, JsonNode> ByType(JsonArray activities) =>
        activities.ToDictionary(a => a!["type"]!.GetValue<string>(), a => a!, StringComparer.Ordinal);
}
