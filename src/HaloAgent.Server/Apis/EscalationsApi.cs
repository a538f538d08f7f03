using HaloAgent.Commerce.Escalations;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Server.Apis;

/// <summary>The owner's side of a hand-over: open escalations, and handing a chat back to the agent.</summary>
public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalationsApi(this IEndpointRouteBuilder app)
    {
        var escalations = app.MapGroup("/api/escalations").WithTags("Escalations");

        escalations.MapGet("/", (string businessId, IEscalationService service, CancellationToken ct) => service.ListOpenAsync(businessId, ct));

        escalations.MapPost("/{id}/resolve", async (string id, ResolveBody? body, IEscalationService service, FlowRuntime runtime, CancellationToken ct) =>
        {
            var resolved = await service.ResolveAsync(id, body?.ResolvedBy ?? "owner", body?.Note, ct);
            if (resolved is null)
            {
                return Results.NotFound(new ApiProblem(404, "Not found.", $"There is no escalation '{id}'.", null));
            }

            // The hand-over flow waits for this to tell the customer the agent is back.
            await runtime.RaiseAsync(
                new EventRequest("escalation.resolved", resolved.ContactId, new Dictionary<string, object?> { ["escalationId"] = id }) { EventId = $"escalation.resolved:{id}" },
                ct);
            return Results.Ok(resolved);
        });

        return app;
    }
}

public sealed record ResolveBody(string? ResolvedBy, string? Note);
