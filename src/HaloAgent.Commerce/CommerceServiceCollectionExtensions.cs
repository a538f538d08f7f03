using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Commerce;

public static class CommerceServiceCollectionExtensions
{
    public static IServiceCollection AddHaloCommerce(this IServiceCollection services, bool postgres, string connectionString)
    {
        services.AddDbContextFactory<CommerceDbContext>(options =>
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
        services.TryAddSingleton<DemoBusinessSeeder>();
        return services;
    }
}
