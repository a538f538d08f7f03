using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Engine.Activities.Core;

public sealed class LogActivity(ILogger<LogActivity> logger) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Log",
        DisplayName = "Log",
        Category = "Data",
        Description = "Writes a message to the server log and the instance journal.",
        Inputs =
        [
            new InputDescriptor("message", InputKind.Text) { DisplayName = "Message", Required = true, UiHint = "multiline" },
            new InputDescriptor("level", InputKind.Select) { DisplayName = "Level", Options = ["Information", "Warning", "Error"], Default = JsonValue.Create("Information") },
        ],
        Outputs = [new OutputDescriptor("message", "string")],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var message = context.Text("message");
        var level = Enum.TryParse<LogLevel>(context.Text("level"), out var parsed) ? parsed : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "Flow {FlowId} instance {InstanceId} node {NodeId}: {Message}", context.Instance.FlowId, context.Instance.Id, context.Node.Id, message);
        }

        return ValueTask.FromResult(ActivityResult.Done(message));
    }
}
