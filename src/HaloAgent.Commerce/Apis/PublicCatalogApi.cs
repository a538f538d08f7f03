using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Platform.Money;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Apis;

/// <summary>
/// The public showcase: businesses and their menus, no authentication. Only what a customer may see: never tokens,
/// bank details or exact stock.
/// </summary>
public static class PublicCatalogApi
{
    public static IEndpointRouteBuilder MapCommercePublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/businesses").WithTags("Public showcase");
        group.MapGet("", ListBusinessesAsync);
        group.MapGet("/{slug}/catalog", GetCatalogAsync);
        return app;
    }

    private static async Task<IResult> ListBusinessesAsync(IBusinessDirectory businesses, HttpContext http, CancellationToken cancellationToken)
    {
        var all = await businesses.ListAsync(cancellationToken);
        return Results.Ok(all.Select(b => Summary(b, LanguageFor(http, b))).ToList());
    }

    private static async Task<IResult> GetCatalogAsync(string slug, IBusinessDirectory businesses, ICatalogService catalog, HttpContext http, CancellationToken cancellationToken)
    {
        var business = await businesses.FindBySlugAsync(slug, cancellationToken);
        if (business is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No business '{slug}'.");
        }

        var language = LanguageFor(http, business);
        var products = await catalog.ListAsync(business.Id, includeInactive: false, cancellationToken);
        return Results.Ok(new PublicCatalog(
            Summary(business, language),
            language,
            products.Select(p => new PublicProduct(
                p.Sku,
                p.Names.For(language),
                p.Names.All,
                p.Category,
                p.PriceKobo,
                Naira.Format(p.PriceKobo, language),
                p.ImageUrl,
                p.InStock)).ToList()));
    }

    /// <summary>?language=yo when the business serves it, else the business's default.</summary>
    private static string LanguageFor(HttpContext http, BusinessProfile business)
    {
        var asked = LanguageCodes.Normalize(http.Request.Query["language"].ToString());
        return asked is not null && business.Languages.Contains(asked) ? asked : business.DefaultLanguage;
    }

    private static PublicBusiness Summary(BusinessProfile b, string language) => new(
        b.Slug,
        b.Name,
        b.Languages,
        b.DefaultLanguage,
        b.OpeningHours,
        b.DeliveryZones.Select(z => new PublicDeliveryZone(z.Name, z.FeeKobo, Naira.Format(z.FeeKobo, language))).ToList());

    internal sealed record PublicBusiness(
        string Slug, string Name, IReadOnlyList<string> Languages, string DefaultLanguage,
        IReadOnlyDictionary<string, string> OpeningHours, IReadOnlyList<PublicDeliveryZone> DeliveryZones);

    internal sealed record PublicDeliveryZone(string Name, long FeeKobo, string Fee);

    internal sealed record PublicCatalog(PublicBusiness Business, string Language, IReadOnlyList<PublicProduct> Products);

    internal sealed record PublicProduct(
        string Sku, string Name, IReadOnlyDictionary<string, string> Names, string? Category, long PriceKobo, string Price,
        string? ImageUrl, bool Available);
}
