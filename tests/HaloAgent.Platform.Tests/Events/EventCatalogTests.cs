using System.Reflection;
using System.Text.RegularExpressions;
using HaloAgent.Platform.Events;
using NetArchTest.Rules;

namespace HaloAgent.Platform.Tests.Events;

public sealed partial class EventCatalogTests
{
    private static readonly string[] JsonTypes = ["string", "number", "boolean", "object", "list"];

    [Fact]
    public void Names_are_unique()
    {
        EventCatalog.All.Select(e => e.Name).ShouldBeUnique();
    }

    [Fact]
    public void Every_name_constant_is_catalogued_and_every_catalogued_name_has_a_constant()
    {
        var constants = typeof(EventNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        constants.ShouldBeUnique();
        constants.ShouldBe(EventCatalog.All.Select(e => e.Name), ignoreOrder: true);
    }

    [Fact]
    public void Each_event_is_described_with_well_formed_unique_payload_fields()
    {
        foreach (var definition in EventCatalog.All)
        {
            // The engine's own rule for event names (FlowCompiler), so every catalogued name can be typed in a flow.
            EventName().IsMatch(definition.Name).ShouldBeTrue(definition.Name);
            definition.Description.ShouldNotBeNullOrWhiteSpace(definition.Name);
            definition.Payload.ShouldNotBeEmpty(definition.Name);
            definition.Payload.Select(f => f.Name).ShouldBeUnique(definition.Name);
            foreach (var field in definition.Payload)
            {
                JsonTypes.ShouldContain(field.Type.TrimEnd('?'), $"{definition.Name}: {field.Name}");
                field.Description.ShouldNotBeNullOrWhiteSpace($"{definition.Name}: {field.Name}");
            }
        }
    }

    [Fact]
    public void Find_answers_by_exact_name()
    {
        EventCatalog.Find("payment.claimed").ShouldNotBeNull().Payload.ShouldContain(f => f.Name == "text");
        EventCatalog.Find("Payment.Claimed").ShouldBeNull();
        EventCatalog.Contains("cart.abandoned").ShouldBeFalse("nothing raises it");
    }

    [Fact]
    public void The_catalogue_is_strings_and_shapes_only_with_no_dependency_on_another_HaloAgent_project()
    {
        var result = Types.InAssembly(typeof(EventCatalog).Assembly).That().ResideInNamespace("HaloAgent.Platform.Events")
            .ShouldNot().HaveDependencyOnAny("HaloAgent.Engine", "HaloAgent.Commerce", "HaloAgent.Agent", "HaloAgent.Channels", "HaloAgent.Payments", "HaloAgent.AI", "HaloAgent.Content", "HaloAgent.Server")
            .GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
        typeof(EventCatalog).Assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain(n => n != null && n.StartsWith("HaloAgent.", StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z0-9]+([._-][a-z0-9]+)*$")]
    private static partial Regex EventName();
}
