using System.Security.Claims;
using HaloAgent.Server.Auth;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Server.Apis;

/// <summary>
/// Instances: list and inspect (with journal), send events, retry a faulted step, cancel, migrate; all within the
/// signed-in user's business. Events raised here happen in that business: they reach only its flows and instances.
/// </summary>
public static class InstancesApi
{
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var instances = app.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(AuthPolicies.ManageFlows);

        instances.MapGet("/", (string? flowId, int? version, string? status, string? correlationKey, DateTimeOffset? from, DateTimeOffset? to,
            int? skip, int? take, ClaimsPrincipal user, InstanceQueries queries, CancellationToken ct) =>
            queries.ListAsync(user.FlowTenant(), new InstanceFilter
            {
                FlowId = flowId,
                Version = version,
                Status = status is null ? null : Enum.TryParse<InstanceStatus>(status, ignoreCase: true, out var s)
                    ? s
                    : throw new FormatException($"Unknown status '{status}'; use one of {string.Join(", ", Enum.GetNames<InstanceStatus>())}."),
                CorrelationKey = correlationKey,
                CreatedFrom = from,
                CreatedTo = to,
                Skip = skip ?? 0,
                Take = take ?? 50,
            }, ct));

        instances.MapGet("/{id}", (string id, ClaimsPrincipal user, InstanceQueries queries, CancellationToken ct) => queries.GetAsync(user.FlowTenant(), id, ct));

        instances.MapPost("/{id}/events", async (string id, InstanceEventBody body, ClaimsPrincipal user, FlowRuntime runtime, CancellationToken ct) =>
            await runtime.RaiseForInstanceAsync(user.FlowTenant(), id, Required(body.Name, "name"), body.Payload, ct));

        instances.MapPost("/{id}/retry", async (string id, ClaimsPrincipal user, FlowRuntime runtime, CancellationToken ct) =>
        {
            await runtime.RetryAsync(user.FlowTenant(), id, ct);
            return Results.Accepted($"/api/instances/{id}");
        });

        instances.MapPost("/{id}/cancel", async (string id, ClaimsPrincipal user, FlowRuntime runtime, CancellationToken ct) =>
        {
            await runtime.CancelAsync(user.FlowTenant(), id, ct);
            return Results.Ok();
        });

        instances.MapPost("/{id}/migrate", async (string id, MigrateBody body, ClaimsPrincipal user, FlowRuntime runtime, CancellationToken ct) =>
        {
            await runtime.MigrateAsync(user.FlowTenant(), id, body.Version, Required(body.NodeId, "nodeId"), ct);
            return Results.Accepted($"/api/instances/{id}");
        });

        app.MapPost("/api/events", async (EventBody body, ClaimsPrincipal user, FlowRuntime runtime, CancellationToken ct) =>
            await runtime.RaiseAsync(
                new EventRequest(Required(body.Name, "name"), Required(body.CorrelationKey, "correlationKey"), body.Payload)
                {
                    EventId = body.Id,
                    Tenant = user.FlowTenant().TenantId,
                }, ct))
            .WithTags("Events")
            .RequireAuthorization(AuthPolicies.ManageFlows);

        return app;
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"'{name}' is required.") : value;
}

public sealed record InstanceEventBody(string? Name, object? Payload);

public sealed record MigrateBody(int Version, string? NodeId);

public sealed record EventBody(string? Name, string? CorrelationKey, object? Payload, string? Id);
