using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>Data for dashboard tests, made through the real services (and, for a second tenant, the commerce context).</summary>
public static class DashboardSeed
{
    public static async Task<string> DemoBusinessIdAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!.Id;

    /// <summary>Inserts another business (a second tenant) and returns its slug, for isolation tests.</summary>
    public static async Task<string> SecondBusinessAsync(IServiceProvider services, string? slug = null)
    {
        slug ??= $"second-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var db = await services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync();
        db.Businesses.Add(new Business
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Slug = slug,
            Name = "Second Kitchen " + slug,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return slug;
    }

    /// <summary>A customer who wrote once (as the inbox would create them).</summary>
    public static async Task<ContactInfo> ContactAsync(IServiceProvider services, string businessId, string waId, string name) =>
        (await services.GetRequiredService<IContactService>().UpsertFromInboundAsync(businessId, waId, name, null, null, default)).Contact;

    /// <summary>Places an order the way the ordering flow does: cart, then order from the cart.</summary>
    public static async Task<OrderView> OrderAsync(
        IServiceProvider services, string businessId, string contactId, string sku = "JOLLOF-RICE", int quantity = 2, string? address = "12 Allen Avenue")
    {
        var cart = await services.GetRequiredService<ICartService>().AddItemAsync(businessId, contactId, sku, quantity, default);
        cart.Outcome.ShouldBe(CartOutcome.Updated);
        var request = address is null
            ? new OrderRequest(businessId, contactId, Fulfilment.Pickup, IdempotencyKey: Guid.NewGuid().ToString("N"))
            : new OrderRequest(businessId, contactId, Fulfilment.Delivery, "Ikeja", address, IdempotencyKey: Guid.NewGuid().ToString("N"));
        var result = await services.GetRequiredService<IOrderService>().CreateFromCartAsync(request, default);
        result.Succeeded.ShouldBeTrue(result.Outcome.ToString());
        return result.Order!;
    }
}
