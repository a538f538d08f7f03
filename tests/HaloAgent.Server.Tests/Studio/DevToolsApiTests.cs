using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Studio;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;

namespace HaloAgent.Server.Tests.Studio;

/// <summary>The Studio's developer pages are refused to an owner unless the server turns its dev tools on.</summary>
public sealed class DevToolsApiTests
{
    [Fact]
    public async Task An_owner_is_refused_the_dev_tools_by_default()
    {
        await using var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var owner = await factory.SignedInClientAsync(AuthPolicies.Owner);
        using var response = await owner.GetAsync("/api/studio/dev-tools");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["detail"]!.GetValue<string>().ShouldContain(DevToolsApi.Setting);
    }

    [Fact]
    public async Task The_switch_turns_them_on_for_signed_in_users_only()
    {
        await using var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { [DevToolsApi.Setting] = "true" });
        using var owner = await factory.SignedInClientAsync(AuthPolicies.Owner);
        (await owner.GetFromJsonAsync<JsonObject>("/api/studio/dev-tools"))!["enabled"]!.GetValue<bool>().ShouldBeTrue();
        using var anonymous = factory.CreateClient();
        (await anonymous.GetAsync("/api/studio/dev-tools")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
