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
/// The Studio's unit tests build flows from <c>src/HaloAgent.Studio/src/test/activities.fixture.json</c> instead of a
/// server: it must be what <c>GET /api/activities</c> serves, or the designer is tested against activities that do not
/// exist (or no longer look like that). <c>HALO_UPDATE_FIXTURES=1</c> rewrites the file from the server.
/// </summary>
public sealed class ActivitiesFixtureTests : IAsyncLifetime
{
    private static readonly string FixturePath = Path.Combine(RepositoryRoot.Path, "src", "HaloAgent.Studio", "src", "test", "activities.fixture.json");

    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_studio_fixture_is_what_the_server_serves()
    {
        using var client = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var served = (await client.GetFromJsonAsync<JsonArray>("/api/activities"))!;
        if (Environment.GetEnvironmentVariable("HALO_UPDATE_FIXTURES") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(FixturePath, served.ToJsonString(options));
        }

        var fixture = ByType(JsonNode.Parse(await File.ReadAllTextAsync(FixturePath))!.AsArray());
        var server = ByType(served);
        fixture.Keys.ShouldBe(server.Keys, ignoreOrder: true, "the fixture lists the server's activity types (HALO_UPDATE_FIXTURES=1 rewrites it)");
        foreach (var (type, descriptor) in server)
        {
            JsonNode.DeepEquals(fixture[type], descriptor).ShouldBeTrue(
                $"{type} differs (HALO_UPDATE_FIXTURES=1 rewrites the fixture):\nfixture {fixture[type]!.ToJsonString()}\nserver  {descriptor.ToJsonString()}");
        }
    }

    private static Dictionary<string, JsonNode> ByType(JsonArray activities) =>
        activities.ToDictionary(a => a!["type"]!.GetValue<string>(), a => a!, StringComparer.Ordinal);
}
