using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime.Management;

namespace HaloAgent.Server.Startup;

/// <summary>
/// Imports the flows shipped in <c>workflows/*.json</c> as published version 1. A flow that already exists is left as
/// it is: the owner may have edited it, and a restart must not overwrite their work.
/// </summary>
public sealed class ShippedFlowImporter(FlowStore store, ILogger<ShippedFlowImporter> logger)
{
    public async Task ImportAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No shipped flows folder at {Folder}", folder);
            return;
        }

        var existing = (await store.ListAsync(cancellationToken)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var definition = FlowJson.Deserialize(await File.ReadAllTextAsync(file, cancellationToken));
            if (existing.Contains(definition.Id))
            {
                continue;
            }

            try
            {
                await store.ImportAsync(definition, publish: true, cancellationToken);
                logger.LogInformation("Imported shipped flow {FlowId} from {File}", definition.Id, Path.GetFileName(file));
            }
            catch (FlowConflictException) when (!existing.Contains(definition.Id))
            {
                // Another node imported it at the same moment.
            }
        }
    }
}
