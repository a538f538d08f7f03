using System.Security.Claims;
using HaloAgent.Commerce;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Server.Auth;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Dashboard;

/// <summary>The menu as the owner sees it: every product (inactive ones too), with stock and a low-stock flag.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalog", async (ClaimsPrincipal user, ICatalogService catalog, IOptions<DashboardOptions> options, CancellationToken ct) =>
            {
                var threshold = options.Value.LowStockThreshold;
                var products = await catalog.ListAsync(user.BusinessId(), includeInactive: true, ct);
                return products.Select(p => new CatalogListItem(
                    p.Sku, p.Names.For(LanguageCodes.English), p.Category, p.PriceKobo, p.InStock, p.Stock, p.Active, p.Active && p.Stock <= threshold)).ToList();
            })
            .WithTags("Catalog")
            .RequireAuthorization(AuthPolicies.ReadBusiness);
        return app;
    }
}
