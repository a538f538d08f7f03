using System.Security.Claims;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Dashboard;

/// <summary>Sales statistics for the dashboard's chart.</summary>
public static class StatsApi
{
    public const int DefaultDays = 7;

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats/sales", async (string? days, ClaimsPrincipal user, SalesQueries queries, CancellationToken ct) =>
            {
                var count = DefaultDays;
                if (days is not null && (!int.TryParse(days, out count) || count < 1 || count > SalesQueries.MaxDays))
                {
                    return DashboardProblems.BadRequest($"'days' must be a whole number from 1 to {SalesQueries.MaxDays}, not '{days}'.");
                }

                return Results.Ok(await queries.SalesAsync(user.BusinessId(), count, ct));
            })
            .WithTags("Stats")
            .RequireAuthorization(AuthPolicies.ReadBusiness);
        return app;
    }
}
