using System.Security.Claims;
using HaloAgent.Server.Apis;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Audit;

/// <summary><c>GET /api/audit?skip&amp;take&amp;action</c>: the business's audit log, newest first, for the owner.</summary>
public static class AuditApi
{
    public const int MaxTake = 200;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async (int? skip, int? take, string? action, ClaimsPrincipal user, IAuditLog log, CancellationToken ct) =>
        {
            if (skip is < 0 || take is < 1 or > MaxTake)
            {
                return Results.Json(new ApiProblem(400, "The request is malformed.", $"skip is 0 or more; take is between 1 and {MaxTake}.", null), statusCode: 400);
            }

            if (action is { Length: > 64 })
            {
                return Results.Json(new ApiProblem(400, "The request is malformed.", "action is at most 64 characters, e.g. 'payment' or 'payment.settings'.", null), statusCode: 400);
            }

            return Results.Ok(await log.ListAsync(user.BusinessId(), action?.Trim(), skip ?? 0, take ?? 50, ct));
        }).WithTags("Audit").RequireAuthorization(AuthPolicies.OwnerOnly);
        return app;
    }
}
