using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;

namespace HaloAgent.Server.Startup;

/// <summary>
/// Imports the flows shipped in <c>workflows/*.json</c> as published version 1, owned by one business. A flow that
/// already exists is left as it is: the owner may have edited it, and a restart must not overwrite their work. One
/// imported before flows had owners is given to the business.
/// </summary>
public sealed class ShippedFlowImporter(FlowStore store, ILogger<ShippedFlowImporter> logger)
{
    public async Task ImportAsync(string folder, string businessId, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No shipped flows folder at {Folder}", folder);
            return;
        }

        var tenant = TenantScope.Of(businessId);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = FlowJson.Deserialize(await File.ReadAllTextAsync(file, cancellationToken));
            if (await store.ExistsAsync(definition.Id, cancellationToken))
            {
                if (await store.AdoptAsync(definition.Id, businessId, cancellationToken))
                {
                    logger.LogInformation("Shipped flow {FlowId} now belongs to business {BusinessId}", definition.Id, businessId);
                }

                continue;
            }

            try
            {
                await store.ImportAsync(tenant, definition, publish: true, cancellationToken);
                logger.LogInformation("Imported shipped flow {FlowId} from {File} for business {BusinessId}", definition.Id, Path.GetFileName(file), businessId);
            }
            catch (FlowConflictException)
            {
                // Another node imported it at the same moment.
            }
        }
    }
}
