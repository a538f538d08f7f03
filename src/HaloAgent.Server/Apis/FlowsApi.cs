using HaloAgent.Server.Auth;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Server.Apis;

/// <summary>Flow definitions: drafts, validation, publish/retract, versions, import/export, and starting instances.</summary>
public static class FlowsApi
{
    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder app)
    {
        var flows = app.MapGroup("/api/flows").WithTags("Flows").RequireAuthorization(AuthPolicies.ManageFlows);

        flows.MapGet("/", (FlowStore store, CancellationToken ct) => store.ListAsync(ct));

        flows.MapGet("/schema", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(AppContext.BaseDirectory, "flow.schema.json"), "application/schema+json"));

        flows.MapPost("/", async (HttpRequest request, FlowStore store, CancellationToken ct) =>
        {
            var definition = await FlowBody.ReadAsync(request, ct);
            if (await store.ExistsAsync(definition.Id, ct))
            {
                throw new FlowConflictException($"A flow '{definition.Id}' already exists; save its draft with PUT /api/flows/{definition.Id}/draft.");
            }

            var info = await store.SaveDraftAsync(definition, expectedRevision: null, ct);
            return Results.Created($"/api/flows/{definition.Id}", info);
        });

        flows.MapPost("/validate", async (HttpRequest request, FlowCompiler compiler, CancellationToken ct) =>
            ValidationReport(compiler.Validate(await FlowBody.ReadAsync(request, ct))));

        flows.MapPost("/import", async (HttpRequest request, FlowStore store, bool? publish, CancellationToken ct) =>
            await store.ImportAsync(await FlowBody.ReadAsync(request, ct), publish ?? false, ct));

        flows.MapGet("/{id}", async (string id, FlowStore store, CancellationToken ct) =>
            new { flow = await store.GetAsync(id, ct), versions = await store.VersionsAsync(id, ct) });

        flows.MapGet("/{id}/versions", (string id, FlowStore store, CancellationToken ct) => store.VersionsAsync(id, ct));

        flows.MapGet("/{id}/versions/{version:int}", (string id, int version, FlowStore store, CancellationToken ct) =>
            store.GetVersionAsync(id, version, ct));

        // Reading the draft of a flow that has none answers 404: opening a flow never creates a draft.
        flows.MapGet("/{id}/draft", async (string id, FlowStore store, CancellationToken ct) =>
        {
            var document = await store.GetVersionAsync(id, null, ct);
            return document.Info.Status == Engine.Runtime.Persistence.Records.VersionStatus.Draft
                ? Results.Ok(document)
                : throw new FlowNotFoundException($"Flow '{id}' has no draft; its latest version is {document.Info.Version} ({document.Info.Status}).");
        });

        flows.MapPut("/{id}/draft", async (string id, HttpRequest request, int? revision, FlowStore store, CancellationToken ct) =>
        {
            var definition = await FlowBody.ReadAsync(request, ct);
            if (definition.Id != id)
            {
                throw new FlowFormatException($"The document's id '{definition.Id}' does not match the URL's '{id}'.");
            }

            return await store.SaveDraftAsync(definition, revision, ct);
        });

        flows.MapDelete("/{id}/draft", async (string id, FlowStore store, CancellationToken ct) =>
        {
            await store.DiscardDraftAsync(id, ct);
            return Results.NoContent();
        });

        flows.MapPost("/{id}/validate", async (string id, int? version, FlowStore store, FlowCompiler compiler, CancellationToken ct) =>
            ValidationReport(compiler.Validate((await store.GetVersionAsync(id, version, ct)).Definition)));

        flows.MapPost("/{id}/publish", (string id, FlowStore store, CancellationToken ct) => store.PublishAsync(id, ct));

        flows.MapPost("/{id}/retract", (string id, FlowStore store, CancellationToken ct) => store.RetractAsync(id, ct));

        flows.MapGet("/{id}/export", async (string id, int? version, FlowStore store, CancellationToken ct) =>
        {
            var document = await store.GetVersionAsync(id, version, ct);
            var json = FlowJson.Serialize(document.Definition with { Version = document.Info.Version });
            return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"{id}.v{document.Info.Version}.json");
        });

        flows.MapPost("/{id}/instances", async (string id, StartInstanceBody? body, FlowRuntime runtime, CancellationToken ct) =>
        {
            var result = await runtime.StartAsync(id, new StartRequest
            {
                Variables = body?.Variables,
                CorrelationKey = body?.CorrelationKey,
                StartNodeId = body?.StartNodeId,
                Input = body?.Input,
                StartKey = body?.StartKey,
            }, ct);
            return result.Started ? Results.Created($"/api/instances/{result.InstanceId}", result) : Results.Conflict(result);
        });

        return app;
    }

    private static object ValidationReport(IReadOnlyList<ValidationError> errors) =>
        new { valid = errors.Count == 0, errors = errors.Select(e => new ApiValidationError(e.NodeId, e.Field, e.Message)) };
}

public sealed record StartInstanceBody(
    Dictionary<string, object?>? Variables, string? CorrelationKey, string? StartNodeId, object? Input, string? StartKey);
