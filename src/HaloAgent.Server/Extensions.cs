using System.Text.Json.Serialization;
using HaloAgent.Agent;
using HaloAgent.AI;
using HaloAgent.Channels;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Twilio;
using HaloAgent.Channels.WebChat;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Commerce;
using HaloAgent.Commerce.Apis;
using HaloAgent.Content;
using HaloAgent.Integrations;
using HaloAgent.Integrations.Triggers;
using HaloAgent.Marketing;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Payments;
using HaloAgent.Server.Apis;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Startup;
using HaloAgent.Server.Startup.DataProtection;
using HaloAgent.Server.Startup.Observability;
using HaloAgent.Server.Studio;
using HaloAgent.Server.Studio.TestRuns;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server;

/// <summary>All of the server's wiring in one place: services, startup work and endpoints.</summary>
public static class Extensions
{
    public static WebApplicationBuilder AddHaloAgent(this WebApplicationBuilder builder)
    {
        builder.UseDefaultAddressUnlessConfigured();
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(database);
        builder.Services.AddHaloEngineRuntime(database.Provider, database.ConnectionString, builder.Configuration.GetSection(EngineOptions.Section));
        builder.Services.AddHaloCommerce(database.Provider == DatabaseProvider.Postgres, database.ConnectionString);
        builder.Services.AddHaloDataProtection(database, builder.Configuration);
        builder.Services.AddHaloContent(builder.Configuration["HaloAgent:TemplatesPath"] ?? Path.Combine(AppContext.BaseDirectory, "templates"));
        builder.Services.AddHaloAI(builder.Configuration);
        builder.Services.AddHaloChannels(builder.Configuration, database.Provider, database.ConnectionString);
        builder.Services.AddHaloAgent();
        builder.Services.AddHaloPayments(builder.Configuration);
        builder.Services.AddSingleton<ShippedFlowImporter>();
        builder.Services.AddHaloAuth(database, builder.Configuration);
        builder.Services.AddHaloAudit(database);
        builder.Services.AddHaloSecurityHeaders(builder.Configuration);
        builder.Services.AddHaloDashboard();
        builder.Services.AddHaloInbox(database);
        builder.Services.AddHaloStudio(database);
        builder.Services.AddHaloMarketing(database.Provider, database.ConnectionString);
        builder.Services.AddHaloIntegrations(database.Provider, database.ConnectionString);

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddExceptionHandler<ApiErrors>();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddHaloObservability();
        return builder;
    }

    /// <summary>Migrates every module's schema, seeds the demo business and its owner, and imports the shipped flows. Idempotent on every start.</summary>
    public static async Task InitializeHaloAgentAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        await services.GetRequiredService<EngineMigrator>().MigrateAsync(cancellationToken);
        await using (var commerce = await services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            await commerce.Database.MigrateAsync(cancellationToken);
        }

        await services.GetRequiredService<ChannelsMigrator>().MigrateAsync(cancellationToken);
        await services.MigrateAuthAsync(cancellationToken);
        await services.MigrateAuditAsync(cancellationToken);
        await services.MigrateInboxAsync(cancellationToken);
        await services.MigrateStudioAsync(cancellationToken);
        await services.MigrateMarketingAsync(cancellationToken);
        await services.MigrateIntegrationsAsync(cancellationToken);
        await services.InitializeHaloDataProtectionAsync(cancellationToken);
        await services.GetRequiredService<DemoBusinessSeeder>().SeedAsync(
            app.Configuration["WhatsApp:PhoneNumberId"], app.Configuration["WhatsApp:AccessToken"], app.Configuration["WhatsApp:BusinessAccountId"], cancellationToken);
        var businesses = await services.GetRequiredService<IBusinessDirectory>().ListAsync(cancellationToken);
        var demo = businesses.FirstOrDefault(b => b.Slug == DemoBusinessSeeder.DemoSlug);
        if (demo is not null)
        {
            await services.GetRequiredService<DemoOwnerSeeder>().SeedAsync(demo.Id, cancellationToken);
        }

        // The demo business first: it gets the shipped journeys under their own ids (and any stored without an owner).
        var importer = services.GetRequiredService<ShippedFlowImporter>();
        foreach (var business in businesses.OrderBy(b => b.Slug == DemoBusinessSeeder.DemoSlug ? 0 : 1))
        {
            await importer.ImportAsync(business, cancellationToken);
        }
    }

    public static WebApplication MapHaloAgent(this WebApplication app)
    {
        app.UseHaloSecurityHeaders();
        app.MapHaloObservability();
        app.UseExceptionHandler();
        app.UseHaloStudio();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCsrfProtection();
        app.UseRateLimiter();
        app.MapHealthChecks("/health", new() { Predicate = ObservabilityExtensions.IsLegacyHealthCheck });
        app.MapAuthApi();
        app.MapHaloAudit();
        app.MapActivitiesApi();
        app.MapFlowsApi();
        app.MapInstancesApi();
        app.MapWhatsAppWebhooks();
        app.MapTwilioWebhooks();
        app.MapWebChat();
        app.MapCommercePublicApi();
        app.MapEscalationsApi();
        app.MapHaloDashboard();
        app.MapPaymentsApi();
        app.MapOrdersApi();
        app.MapPaystackWebhooks();
        app.MapTestRunsApi();
        app.MapDevToolsApi();
        app.MapFlowGalleryApi();
        app.MapAdminApi();
        app.MapGroup("/api").RequireAuthorization(AuthPolicies.ManageFlows).MapMarketing();
        app.MapGroup("/api").RequireAuthorization(AuthPolicies.OwnerOnly).MapIntegrations();
        app.MapIntegrationHooks();
        app.MapHaloStudio();
        return app;
    }
}
