using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Expressions;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;

namespace HaloAgent.Server.Tests.Apis;

/// <summary>
/// The designer's two catalogues: the events flows can start on or wait for (<c>GET /api/events/catalog</c>) and the
/// expression functions (<c>GET /api/flows/functions</c>), for the roles that edit flows, as <c>/api/activities</c> is.
/// </summary>
public sealed class DesignerCataloguesApiTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/api/events/catalog")]
    [InlineData("/api/flows/functions")]
    [InlineData("/api/activities")]
    public async Task Only_the_roles_that_edit_flows_may_read_them(string path)
    {
        using var anonymous = _factory.CreateClient();
        (await anonymous.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await owner.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        (await marketer.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_event_catalogue_names_each_event_with_its_description_and_payload_fields()
    {
        using var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var events = (await marketer.GetFromJsonAsync<JsonArray>("/api/events/catalog"))!.Select(e => e!.AsObject()).ToList();
        events.Select(e => e["name"]!.GetValue<string>()).ShouldBe(
            ["message.received", "message.control", "message.paused", "contact.created", "cart.activity", "order.created", "order.completed", "payment.claimed", "escalation.opened", "escalation.resolved"]);
        var claimed = events.Single(e => e["name"]!.GetValue<string>() == "payment.claimed");
        claimed["description"]!.GetValue<string>().ShouldContain("says they paid");
        var text = claimed["payload"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "text")!;
        text["type"]!.GetValue<string>().ShouldBe("string");
        text["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var cart = events.Single(e => e["name"]!.GetValue<string>() == "cart.activity")["payload"]!.AsArray();
        cart.Select(f => f!["name"]!.GetValue<string>()).ShouldBe(["contactId", "kind"]);
    }

    [Fact]
    public async Task The_function_table_is_the_parsers_with_arity_descriptions_and_examples_that_parse()
    {
        using var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var functions = (await owner.GetFromJsonAsync<JsonArray>("/api/flows/functions"))!.Select(f => f!.AsObject()).ToList();
        functions.Count.ShouldBe(22);
        var round = functions.Single(f => f["name"]!.GetValue<string>() == "round");
        round["minArguments"]!.GetValue<int>().ShouldBe(1);
        round["maxArguments"]!.GetValue<int>().ShouldBe(2);
        round["arity"]!.GetValue<string>().ShouldBe("1 or 2 arguments");
        var coalesce = functions.Single(f => f["name"]!.GetValue<string>() == "coalesce");
        coalesce["maxArguments"].ShouldBeNull("any number of arguments");
        foreach (var function in functions)
        {
            var name = function["name"]!.GetValue<string>();
            var min = function["minArguments"]!.GetValue<int>();
            var max = function["maxArguments"]?.GetValue<int>();
            function["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace(name);
            var example = function["example"]!.GetValue<string>();
            example.ShouldContain($"{name}(");
            Expression.TryParse(example, out _, out var exampleError).ShouldBeTrue($"{name}: {example}: {exampleError?.Message}");
            // The parser accepts exactly the arity served: the fewest, and one more than the most (or one fewer than the fewest) refused.
            Expression.TryParse(Call(name, min), out _, out _).ShouldBeTrue(Call(name, min));
            if (min > 0)
            {
                Expression.TryParse(Call(name, min - 1), out _, out _).ShouldBeFalse(Call(name, min - 1));
            }

            if (max is { } most)
            {
                Expression.TryParse(Call(name, most + 1), out _, out _).ShouldBeFalse(Call(name, most + 1));
            }
        }

        Expression.TryParse("frobnicate(1)", out _, out _).ShouldBeFalse("a function the table does not list does not parse");
    }

    private static string Call(string name, int arguments) => $"{name}({string.Join(", ", Enumerable.Repeat("1", arguments))})";
}
