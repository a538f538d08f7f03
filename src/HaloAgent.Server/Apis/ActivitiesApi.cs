using HaloAgent.Server.Auth;
using HaloAgent.Engine.Activities;
using HaloAgent.Platform.Events;

namespace HaloAgent.Server.Apis;

public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (ActivityRegistry registry) => registry.Descriptors)
            .WithName("ListActivities")
            .WithSummary("The activity catalogue for the designer's palette: inputs with kinds and UI hints, outputs, outcomes.")
            .RequireAuthorization(AuthPolicies.ManageFlows);
        app.MapGet("/api/events/catalog", () => EventCatalog.All)
            .WithName("ListEvents")
            .WithSummary("The events the product raises into flows, with their payload fields, for the designer's event fields.")
            .RequireAuthorization(AuthPolicies.ManageFlows);
        return app;
    }
}
