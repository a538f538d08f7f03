using System.Security.Claims;
using HaloAgent.Engine;
using HaloAgent.Server.Auth;
using Microsoft.Extensions.Options;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Expressions;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Server.Apis;

/// <summary>
/// Flow definitions: drafts, validation, publish/retract, versions, import/export, and starting instances. Every call
/// works in the signed-in user's business (<see cref="AuthPolicies.FlowTenant"/>): another business's flow is not found.
/// </summary>
public static class FlowsApi
{
    public static IEndpointRouteBuilder MapFlowsApi(this IEndpointRouteBuilder app)
    {
        var flows = app.MapGroup("/api/flows").WithTags("Flows").RequireAuthorization(AuthPolicies.ManageFlows);

        flows.MapGet("/", (ClaimsPrincipal user, FlowStore store, CancellationToken ct) => store.ListAsync(user.FlowTenant(), ct));

        flows.MapGet("/schema", (IWebHostEnvironment env) =>
            Results.File(Path.Combine(AppContext.BaseDirectory, "flow.schema.json"), "application/schema+json"));

        // The parser's own table, so the designer's as-you-type check knows the same functions as publish.
        flows.MapGet("/functions", () => ExpressionFunction.All).WithName("ListExpressionFunctions");

        flows.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, FlowStore store, IOptions<EngineLimits> limits, CancellationToken ct) =>
        {
            var definition = await FlowBody.ReadAsync(request, limits.Value, ct);
            if (await store.ExistsAsync(definition.Id, ct))
            {
                throw new FlowConflictException($"A flow '{definition.Id}' already exists; choose another id, or save its draft with PUT /api/flows/{definition.Id}/draft.");
            }

            var info = await store.SaveDraftAsync(user.FlowTenant(), definition, expectedRevision: null, ct);
            return Results.Created($"/api/flows/{definition.Id}", info);
        });

        flows.MapPost("/validate", async (HttpRequest request, FlowCompiler compiler, IOptions<EngineLimits> limits, CancellationToken ct) =>
        {
            var definition = await FlowBody.ReadAsync(request, limits.Value, ct);
            compiler.EnsureWithinLimits(definition); // too many nodes is a 422, not a report: nothing else was checked
            return ValidationReport(compiler.Validate(definition));
        });

        flows.MapPost("/import", async (HttpRequest request, ClaimsPrincipal user, FlowStore store, bool? publish, IOptions<EngineLimits> limits, CancellationToken ct) =>
            await store.ImportAsync(user.FlowTenant(), await FlowBody.ReadAsync(request, limits.Value, ct), publish ?? false, ct));

        flows.MapGet("/{id}", async (string id, ClaimsPrincipal user, FlowStore store, CancellationToken ct) =>
            new { flow = await store.GetAsync(user.FlowTenant(), id, ct), versions = await store.VersionsAsync(user.FlowTenant(), id, ct) });

        flows.MapGet("/{id}/versions", (string id, ClaimsPrincipal user, FlowStore store, CancellationToken ct) => store.VersionsAsync(user.FlowTenant(), id, ct));

        flows.MapGet("/{id}/versions/{version:int}", (string id, int version, ClaimsPrincipal user, FlowStore store, CancellationToken ct) =>
            store.GetVersionAsync(user.FlowTenant(), id, version, ct));

        // Reading the draft of a flow that has none answers 404: opening a flow never creates a draft.
        flows.MapGet("/{id}/draft", async (string id, ClaimsPrincipal user, FlowStore store, CancellationToken ct) =>
        {
            var document = await store.GetVersionAsync(user.FlowTenant(), id, null, ct);
            return document.Info.Status == Engine.Runtime.Persistence.Records.VersionStatus.Draft
                ? Results.Ok(document)
                : throw new FlowNotFoundException($"Flow '{id}' has no draft; its latest version is {document.Info.Version} ({document.Info.Status}).");
        });

        flows.MapPut("/{id}/draft", async (string id, HttpRequest request, int? revision, ClaimsPrincipal user, FlowStore store, IOptions<EngineLimits> limits, CancellationToken ct) =>
        {
            var definition = await FlowBody.ReadAsync(request, limits.Value, ct);
            if (definition.Id != id)
            {
                throw new FlowFormatException($"The document's id '{definition.Id}' does not match the URL's '{id}'.");
            }

            // A draft for a flow the user cannot see is refused as not found, not as "in use", when it is another business's.
            if (await store.ExistsAsync(id, ct))
            {
                await store.GetAsync(user.FlowTenant(), id, ct);
            }

            return await store.SaveDraftAsync(user.FlowTenant(), definition, revision, ct);
        });

        flows.MapDelete("/{id}/draft", async (string id, ClaimsPrincipal user, FlowStore store, CancellationToken ct) =>
        {
            await store.DiscardDraftAsync(user.FlowTenant(), id, ct);
            return Results.NoContent();
        });

        flows.MapPost("/{id}/validate", async (string id, int? version, ClaimsPrincipal user, FlowStore store, FlowCompiler compiler, CancellationToken ct) =>
        {
            var definition = (await store.GetVersionAsync(user.FlowTenant(), id, version, ct)).Definition;
            compiler.EnsureWithinLimits(definition);
            return ValidationReport(compiler.Validate(definition));
        });

        flows.MapPost("/{id}/publish", (string id, ClaimsPrincipal user, FlowStore store, CancellationToken ct) => store.PublishAsync(user.FlowTenant(), id, ct));

        flows.MapPost("/{id}/retract", (string id, ClaimsPrincipal user, FlowStore store, CancellationToken ct) => store.RetractAsync(user.FlowTenant(), id, ct));

        flows.MapGet("/{id}/export", async (string id, int? version, ClaimsPrincipal user, FlowStore store, CancellationToken ct) =>
        {
            var document = await store.GetVersionAsync(user.FlowTenant(), id, version, ct);
            var json = FlowJson.Serialize(document.Definition with { Version = document.Info.Version });
            return Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"{id}.v{document.Info.Version}.json");
        });

        flows.MapPost("/{id}/instances", async (string id, StartInstanceBody? body, ClaimsPrincipal user, FlowRuntime runtime, CancellationToken ct) =>
        {
            var result = await runtime.StartAsync(user.FlowTenant(), id, new StartRequest
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
