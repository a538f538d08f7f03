using HaloAgent.Channels.Inbox;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Apis;

/// <summary>
/// The platform admin's view of webhook events that could not be handled (dead letters, across every business): the
/// reason, when it arrived, its channel and a redacted excerpt; re-queue one (after fixing its cause, e.g. registering
/// the number it was sent to) or discard it. Admin role only.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var letters = app.MapGroup("/api/admin/dead-letters").WithTags("Admin")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(AuthPolicies.Admin));

        letters.MapGet("/", (int? skip, int? take, DeadLetters deadLetters, CancellationToken ct) =>
            deadLetters.ListAsync(skip ?? 0, take ?? 50, ct));

        letters.MapPost("/{id}/requeue", async (string id, DeadLetters deadLetters, CancellationToken ct) =>
            await deadLetters.RequeueAsync(id, ct) switch
            {
                RequeueResult.Requeued => Results.Accepted(value: new { id, status = "pending" }),
                RequeueResult.BodyPruned => Problem(StatusCodes.Status409Conflict, "Conflict.", $"Dead letter '{id}' is past retention: its body was pruned, so there is nothing to re-queue."),
                _ => NotFound(id),
            });

        letters.MapDelete("/{id}", async (string id, DeadLetters deadLetters, CancellationToken ct) =>
            await deadLetters.DiscardAsync(id, ct) ? Results.NoContent() : NotFound(id));

        return app;
    }

    private static IResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, "Not found.", $"There is no dead letter '{id}'.");

    private static IResult Problem(int status, string title, string detail) => Results.Json(new ApiProblem(status, title, detail, null), statusCode: status);
}
