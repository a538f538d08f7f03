using System.Security.Claims;
using HaloAgent.Commerce;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// The menu as the owner sees and edits it. Everyone reads it; staff at the counter (owner, agent) change the count and
/// "sold out today"; only the owner sets prices, names, categories and photos (what customers pay and see). The agent
/// reads the catalog from the database on every message, so a change here is what the next customer message sees.
/// Every change is in the audit log with the dish before and after.
/// </summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/api/catalog").WithTags("Catalog");
        catalog.MapGet("", async (ClaimsPrincipal user, ICatalogService service, IOptions<DashboardOptions> options, CancellationToken ct) =>
            {
                var threshold = options.Value.LowStockThreshold;
                var products = await service.ListAsync(user.BusinessId(), includeInactive: true, ct);
                return products.Select(p => ToListItem(p, threshold)).ToList();
            })
            .RequireAuthorization(AuthPolicies.ReadBusiness);

        catalog.MapPost("", async (NewDishBody? body, ClaimsPrincipal user, ICatalogService service, IAuditLog audit, IOptions<DashboardOptions> options, CancellationToken ct) =>
            {
                if (body?.PriceKobo is not { } price)
                {
                    return DashboardProblems.BadRequest("A new dish needs a price (priceKobo).");
                }

                var draft = new ProductDraft(body.Sku ?? "", Names(body.Names), body.Aliases ?? [], price, body.Stock ?? 0, body.Category);
                var added = await Change(() => service.AddAsync(user.BusinessId(), draft, ct));
                if (added.Problem is { } problem)
                {
                    return problem;
                }

                var change = added.Change!;
                if (change.Outcome == CatalogChangeOutcome.DuplicateSku)
                {
                    return DashboardProblems.Conflict($"There is already a dish with SKU {change.Sku}.");
                }

                await audit.RecordAsync(user, AuditActions.CatalogAdd, "product", change.Sku, null, Snapshot(change.After!), ct);
                return Results.Created($"/api/catalog/{change.Sku}", ToListItem(change.After!, options.Value.LowStockThreshold));
            })
            .RequireAuthorization(AuthPolicies.ManageMoney);

        catalog.MapPatch("/{sku}", (string sku, DishEditBody? body, ClaimsPrincipal user, ICatalogService service, IAuditLog audit, IOptions<DashboardOptions> options, CancellationToken ct) =>
                EditAsync(sku, body is null ? null : new ProductEdit
                {
                    PriceKobo = body.PriceKobo, Stock = body.Stock, SoldOutToday = body.SoldOutToday, Category = body.Category,
                    Names = body.Names is null ? null : Names(body.Names), Aliases = body.Aliases, Active = body.Active,
                }, user, service, audit, options.Value, ct))
            .RequireAuthorization(AuthPolicies.ManageMoney);

        catalog.MapPut("/{sku}/availability", (string sku, DishAvailabilityBody? body, ClaimsPrincipal user, ICatalogService service, IAuditLog audit, IOptions<DashboardOptions> options, CancellationToken ct) =>
                EditAsync(sku, body is null ? null : new ProductEdit { Stock = body.Stock, SoldOutToday = body.SoldOutToday }, user, service, audit, options.Value, ct))
            .RequireAuthorization(AuthPolicies.ManageOrders);

        catalog.MapPost("/categories/rename", async (CategoryRenameBody? body, ClaimsPrincipal user, ICatalogService service, IAuditLog audit, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(body?.From) || string.IsNullOrWhiteSpace(body.To))
                {
                    return DashboardProblems.BadRequest("Say which category to rename (from) and its new name (to).");
                }

                var moved = await service.RenameCategoryAsync(user.BusinessId(), body.From, body.To, ct);
                if (moved == 0)
                {
                    return DashboardProblems.NotFound($"No dish is in category '{body.From.Trim()}'.");
                }

                var renamed = new CategoryRenamed(body.From.Trim(), body.To.Trim(), moved);
                await audit.RecordAsync(user, AuditActions.CatalogCategory, "category", renamed.From, new { name = renamed.From }, new { name = renamed.To, dishes = moved }, ct);
                return Results.Ok(renamed);
            })
            .RequireAuthorization(AuthPolicies.OwnerOnly);

        app.MapCatalogPhotos(catalog);
        return app;
    }

    private static async Task<IResult> EditAsync(
        string sku, ProductEdit? edit, ClaimsPrincipal user, ICatalogService service, IAuditLog audit, DashboardOptions options, CancellationToken ct)
    {
        if (edit is null)
        {
            return DashboardProblems.BadRequest("Send the fields to change as JSON.");
        }

        var edited = await Change(() => service.EditAsync(user.BusinessId(), sku, edit, ct));
        if (edited.Problem is { } problem)
        {
            return problem;
        }

        var change = edited.Change!;
        if (change.Outcome == CatalogChangeOutcome.NotFound)
        {
            return DashboardProblems.NotFound($"There is no dish with SKU {change.Sku}.");
        }

        await audit.RecordAsync(user, AuditActions.CatalogEdit, "product", change.Sku, Snapshot(change.Before!), Snapshot(change.After!), ct);
        return Results.Ok(ToListItem(change.After!, options.LowStockThreshold));
    }

    /// <summary>The catalog refuses invalid dishes with <see cref="ArgumentException"/>; here that is the owner's 400.</summary>
    private static async Task<(CatalogChange? Change, IResult? Problem)> Change(Func<Task<CatalogChange>> change)
    {
        try
        {
            return (await change(), null);
        }
        catch (ArgumentException e)
        {
            return (null, DashboardProblems.BadRequest(e.Message.Split(" (Parameter", 2)[0]));
        }
    }

    /// <summary>Language keys as people write them ("Yoruba", "yo-NG") become codes; an unknown one is left for the catalog to refuse.</summary>
    private static Dictionary<string, string> Names(Dictionary<string, string>? names) =>
        (names ?? []).GroupBy(n => LanguageCodes.Normalize(n.Key) ?? n.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    internal static CatalogListItem ToListItem(CatalogItem p, int lowStockThreshold) => new(
        p.Sku, p.Names.For(LanguageCodes.English), p.Category, p.PriceKobo, p.InStock, p.Stock, p.Active, p.Active && p.Stock <= lowStockThreshold,
        p.Names.All, p.Aliases, p.SoldOut, p.SoldOutUntil, p.ImageUrl);

    private static object Snapshot(CatalogItem p) => new
    {
        sku = p.Sku, names = p.Names.All, aliases = p.Aliases, priceKobo = p.PriceKobo, stock = p.Stock, category = p.Category,
        soldOutUntil = p.SoldOutUntil, active = p.Active, imageUrl = p.ImageUrl,
    };
}
