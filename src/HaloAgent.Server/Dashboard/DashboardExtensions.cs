using HaloAgent.Server.Dashboard;
using HaloAgent.Server.Dashboard.Inbox;

// In the server's root namespace on purpose: Extensions.cs wires every module with one line each and needs no using.
namespace HaloAgent.Server;

/// <summary>The owner dashboard's services and endpoints (inbox, contacts, catalog, stats, live stream, templates).</summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddHaloDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section);
        services.AddSingleton<OwnerReplies>();
        services.AddSingleton<ConversationQueries>();
        services.AddSingleton<ContactQueries>();
        services.AddSingleton<ContactExporter>();
        services.AddSingleton<ContactErasure>();
        services.AddSingleton<ContactImporter>();
        services.AddSingleton<ContactDetailReader>();
        services.AddSingleton<ContactEditor>();
        services.AddSingleton<SalesQueries>();
        services.AddSingleton<OrderProjection>();
        services.AddSingleton<DashboardChangeFeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapHaloDashboard(this IEndpointRouteBuilder app)
    {
        app.MapConversationsApi();
        app.MapQuickRepliesApi();
        app.MapContactsApi();
        app.MapShopApi();
        app.MapCatalogApi();
        app.MapStatsApi();
        app.MapStreamApi();
        app.MapTemplatesApi();
        return app;
    }
}
