using HaloAgent.Server.Auth;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Server.Apis;

public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (ActivityRegistry registry) => registry.Descriptors)
            .WithName("ListActivities")
            .WithSummary("The activity catalogue for the designer's palette: inputs with kinds and UI hints, outputs, outcomes.")
            .RequireAuthorization(AuthPolicies.ManageFlows);
        return app;
    }
}
