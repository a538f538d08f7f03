using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;

namespace HaloAgent.Server.Startup;

/// <summary>
/// Gives a business the journeys shipped in <c>workflows/*.json</c> (<c>HaloAgent:WorkflowsPath</c>) as published
/// version 1 of flows it owns. A journey the business already has is left as it is: the owner may have edited it, and
/// a restart must not overwrite their work; a journey added to <c>workflows/</c> later reaches every business at the
/// next start. Flow ids are unique across the platform, so the first business gets the file's id (<c>ordering</c>)
/// and the others the id with their slug (<c>ordering-suya-spot</c>). A shipped flow stored before flows had owners
/// is given to the first business that imports.
/// </summary>
public sealed class ShippedFlowImporter(FlowStore store, IConfiguration configuration, ILogger<ShippedFlowImporter> logger)
{
    private string Folder => FolderOf(configuration);

    /// <summary>Where the shipped journeys are (the Studio's template gallery reads the same files).</summary>
    public static string FolderOf(IConfiguration configuration) =>
        configuration["HaloAgent:WorkflowsPath"] ?? Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <returns>How many flows the business was given.</returns>
    public async Task<int> ImportAsync(BusinessProfile business, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            logger.LogWarning("No shipped flows folder at {Folder}", Folder);
            return 0;
        }

        var tenant = TenantScope.Of(business.Id);
        var owned = (await store.ListAsync(tenant, cancellationToken)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = FlowJson.Deserialize(await File.ReadAllTextAsync(file, cancellationToken));
            var key = definition.Id;
            var ownId = $"{key}-{business.Slug}";
            if (owned.Contains(key) || owned.Contains(ownId))
            {
                continue;
            }

            if (await store.AdoptAsync(key, business.Id, cancellationToken))
            {
                logger.LogInformation("Shipped flow {FlowId} now belongs to business {Business}", key, business.Slug);
                continue;
            }

            var id = await store.ExistsAsync(key, cancellationToken) ? ownId : key;
            try
            {
                await store.ImportAsync(tenant, definition with { Id = id }, publish: true, cancellationToken);
                imported++;
                logger.LogInformation("Imported shipped flow {FlowId} from {File} for business {Business}", id, Path.GetFileName(file), business.Slug);
            }
            catch (FlowConflictException)
            {
                // Another node imported it at the same moment (or, for the id with the slug, the id is someone else's).
            }
        }

        return imported;
    }
}
