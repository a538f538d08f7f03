using System.Security.Claims;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// The shop's settings as customers meet them (name, pickup address, opening hours, delivery zones and fees, the bank
/// account for transfers, the template fallback language). Every role reads them; only the owner changes them: the
/// bank account decides where customers' money goes.
/// </summary>
public static class ShopApi
{
    public static IEndpointRouteBuilder MapShopApi(this IEndpointRouteBuilder app)
    {
        var shop = app.MapGroup("/api/shop").WithTags("Shop");

        shop.MapGet("/", async (ClaimsPrincipal user, ShopSettingsStore store, CancellationToken ct) =>
            await store.GetAsync(user.BusinessId(), ct) is { } settings ? Results.Ok(settings) : DashboardProblems.NotFound("The business is gone."))
            .RequireAuthorization(AuthPolicies.ReadBusiness);

        shop.MapPut("/", async (ShopSettings body, ClaimsPrincipal user, ShopSettingsStore store, IAuditLog audit, CancellationToken ct) =>
        {
            var before = await store.GetAsync(user.BusinessId(), ct);
            var (saved, problems) = await store.SaveAsync(user.BusinessId(), body, ct);
            if (saved is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>(problems));
            }

            await audit.RecordAsync(user, AuditActions.ShopSettings, "settings", "shop", before, saved, ct);
            return Results.Ok(saved);
        }).RequireAuthorization(AuthPolicies.ManageMoney);

        return app;
    }
}
