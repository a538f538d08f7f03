using HaloAgent.Engine.Definitions;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Startup;

namespace HaloAgent.Server.Studio;

/// <summary>
/// "New flow" from a template: the journeys the server ships (<c>workflows/*.json</c>, the ones every business is given)
/// as they were shipped, not as this business has since edited them. The Studio saves a copy under a new id as a draft.
/// </summary>
public static class FlowGalleryApi
{
    public static IEndpointRouteBuilder MapFlowGalleryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/flow-gallery", async (IConfiguration configuration, CancellationToken ct) =>
        {
            var folder = ShippedFlowImporter.FolderOf(configuration);
            var templates = new List<FlowTemplate>();
            IEnumerable<string> files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal) : [];
            foreach (var file in files)
            {
                var definition = FlowJson.Deserialize(await File.ReadAllTextAsync(file, ct));
                templates.Add(new FlowTemplate(definition.Id, string.IsNullOrWhiteSpace(definition.Name) ? definition.Id : definition.Name, definition.Description, definition.Nodes.Count, definition));
            }

            return templates;
        }).WithTags("Flows").RequireAuthorization(AuthPolicies.ManageFlows);
        return app;
    }
}

/// <summary>One shipped journey: <see cref="Key"/> is its shipped id (a copy needs an id of its own).</summary>
public sealed record FlowTemplate(string Key, string Name, string? Description, int NodeCount, FlowDefinition Definition);
