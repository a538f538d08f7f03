using System.Security.Claims;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Dashboard.Inbox;

/// <summary><c>/api/quick-replies</c>: the business's canned replies; everyone who answers chats reads them, the owner edits them.</summary>
public static class QuickRepliesApi
{
    public static IEndpointRouteBuilder MapQuickRepliesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quick-replies").WithTags("Conversations");
        group.MapGet("/", (ClaimsPrincipal user, InboxState state, CancellationToken ct) => state.QuickRepliesAsync(user.BusinessId(), ct))
            .RequireAuthorization(AuthPolicies.ManageOrders);
        group.MapPut("/", async (QuickRepliesBody? body, ClaimsPrincipal user, InboxState state, CancellationToken ct) =>
                InboxState.Problem(body?.Replies) is { } problem
                    ? DashboardProblems.BadRequest(problem)
                    : Results.Ok(await state.SaveQuickRepliesAsync(user.BusinessId(), body!.Replies!.Select(r => r!).ToList(), ct)))
            .RequireAuthorization(AuthPolicies.OwnerOnly);
        return app;
    }
}

/// <summary>PUT /api/quick-replies.</summary>
public sealed record QuickRepliesBody(IReadOnlyList<string?>? Replies);
