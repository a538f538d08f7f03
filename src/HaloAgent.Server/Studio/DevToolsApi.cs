using HaloAgent.Server.Apis;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Studio;

/// <summary>
/// The Studio's developer pages (the designer performance check) are for the people building HaloAgent, not for a
/// business's owner: they are off unless <c>HaloAgent:Studio:DevTools</c> is true (the bench turns it on). There is
/// no developer role, so the switch is the whole rule; the Studio asks this endpoint before showing the link or the page.
/// </summary>
public static class DevToolsApi
{
    public const string Setting = "HaloAgent:Studio:DevTools";

    public static IEndpointRouteBuilder MapDevToolsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/studio/dev-tools", (IConfiguration configuration) =>
            configuration.GetValue<bool>(Setting)
                ? Results.Ok(new { enabled = true })
                : Results.Json(
                    new ApiProblem(StatusCodes.Status403Forbidden, "Developer tools are off.", $"This server does not show the Studio's developer pages; set {Setting}=true to turn them on.", null),
                    statusCode: StatusCodes.Status403Forbidden))
            .WithTags("Studio").RequireAuthorization(AuthPolicies.ReadBusiness);
        return app;
    }
}
