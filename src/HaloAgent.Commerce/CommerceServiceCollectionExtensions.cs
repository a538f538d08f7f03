using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Businesses.Secrets;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Commerce;

public static class CommerceServiceCollectionExtensions
{
    /// <summary>
    /// The commerce database and services (all singletons over <see cref="IDbContextFactory{TContext}"/>): businesses,
    /// contacts, conversation memory, catalog, carts, orders, message log, escalations and the demo seeder.
    /// </summary>
    public static IServiceCollection AddHaloCommerce(this IServiceCollection services, bool postgres, string connectionString)
    {
        // Pooled: a context is created for nearly every commerce call, several times per customer message.
        services.AddPooledDbContextFactory<CommerceDbContext>(options =>
        {
            if (postgres)
            {
                options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(CommerceDbContext.MigrationsHistoryTable));
            }
            else
            {
                options.UseSqlite(connectionString, o => o.MigrationsHistoryTable(CommerceDbContext.MigrationsHistoryTable));
            }

            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HotQueries>();
        services.TryAddSingleton<HaloAgent.Platform.Audience.IAudience, Contacts.Audience.ContactAudience>();
        // Credentials are stored encrypted with the host's Data Protection (the server's AddHaloDataProtection: one key ring
        // in the shared database). Not added here: a module's default ring would be this machine's alone, and a host that
        // forgot the shared one would encrypt credentials other nodes can never read, instead of failing to start.
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.TryAddSingleton<BusinessSecrets>();
        services.TryAddSingleton<BusinessDirectory>();
        services.TryAddSingleton<CachedBusinessDirectory>();
        services.TryAddSingleton<IBusinessDirectory>(sp => sp.GetRequiredService<CachedBusinessDirectory>());
        services.TryAddSingleton<ShopSettingsStore>();
        services.TryAddSingleton<IContactService, ContactService>();
        services.TryAddSingleton<IConversationMemory, ConversationMemory>();
        services.TryAddSingleton<ICatalogService, CatalogService>();
        services.TryAddSingleton<ICartService, CartService>();
        services.TryAddSingleton<IOrderService, OrderService>();
        services.TryAddSingleton<IEscalationService, EscalationService>();
        services.TryAddSingleton<IPaymentService, PaymentService>();
        services.TryAddSingleton<DemoBusinessSeeder>();
        return services;
    }
}
