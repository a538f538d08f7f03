using HaloAgent.Commerce.Escalations;
using System.Security.Claims;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Platform.Events;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Apis;

/// <summary>The owner's side of a hand-over: open escalations, and handing a chat back to the agent.</summary>
public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalationsApi(this IEndpointRouteBuilder app)
    {
        var escalations = app.MapGroup("/api/escalations").WithTags("Escalations").RequireAuthorization(AuthPolicies.ManageOrders);

        escalations.MapGet("/", (ClaimsPrincipal user, IEscalationService service, CancellationToken ct) => service.ListOpenAsync(user.BusinessId(), ct));

        escalations.MapPost("/{id}/resolve", async (string id, ResolveBody? body, ClaimsPrincipal user, IEscalationService service, FlowRuntime runtime, CancellationToken ct) =>
        {
            // Only the user's own business's escalations: another's is "not found", not "forbidden".
            var own = (await service.ListOpenAsync(user.BusinessId(), ct)).Any(e => e.Id == id && e.BusinessId == user.BusinessId());
            var resolved = own ? await service.ResolveAsync(id, user.Actor(), body?.Note, ct) : null;
            if (resolved is null)
            {
                return Results.NotFound(new ApiProblem(404, "Not found.", $"There is no escalation '{id}'.", null));
            }

            // The hand-over flow waits for this to tell the customer the agent is back.
            await runtime.RaiseAsync(
                new EventRequest(EventNames.EscalationResolved, resolved.ContactId, new Dictionary<string, object?> { ["escalationId"] = id }) { EventId = $"{EventNames.EscalationResolved}:{id}", Tenant = resolved.BusinessId },
                ct);
            return Results.Ok(resolved);
        });

        return app;
    }
}

public sealed record ResolveBody(string? Note);
