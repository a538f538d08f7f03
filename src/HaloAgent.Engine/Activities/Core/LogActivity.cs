using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>
/// Records a message in the instance journal (rendered: what an owner reads on the instance page) and, by default, only
/// the message <b>as written in the flow</b> in the server log. Rendered text usually carries customer data
/// ("Welcome {{event.name}}!" becomes a customer's name), and server logs are copied, shipped and kept where an
/// erasure request never reaches; the journal is stored with the instance, behind sign-in. A flow author whose message
/// holds no personal data can choose <c>serverLog: Rendered</c>, or <c>Off</c> to keep the log quiet.
/// </summary>
public sealed class LogActivity(ILogger<LogActivity> logger) : Activity
{
    public const string Template = "Template";
    public const string Rendered = "Rendered";
    public const string Off = "Off";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Log",
        DisplayName = "Log",
        Category = "Data",
        Description = "Writes a message to the instance journal; the server log gets the message as written in the flow (no customer data) unless told otherwise.",
        Inputs =
        [
            new InputDescriptor("message", InputKind.Text) { DisplayName = "Message", Required = true, UiHint = "multiline" },
            new InputDescriptor("level", InputKind.Select) { DisplayName = "Level", Options = ["Information", "Warning", "Error"], Default = JsonValue.Create("Information") },
            new InputDescriptor("serverLog", InputKind.Select)
            {
                DisplayName = "Server log",
                Description = "Template: the message as written, placeholders unfilled (safe for customer data). Rendered: the filled-in text; only for messages without names, phone numbers or message text. Off: journal only.",
                Options = [Template, Rendered, Off],
                Default = JsonValue.Create(Template),
            },
        ],
        Outputs = [new OutputDescriptor("message", "string")],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var message = context.Text("message");
        var level = Enum.TryParse<LogLevel>(context.Text("level"), out var parsed) ? parsed : LogLevel.Information;
        var serverLog = context.Text("serverLog") ?? Template;
        if (serverLog != Off && logger.IsEnabled(level))
        {
            var text = serverLog == Rendered ? message : WrittenMessage(context);
            logger.Log(level, "Flow {FlowId} instance {InstanceId} node {NodeId}: {Message}", context.Instance.FlowId, context.Instance.Id, context.Node.Id, text);
        }

        return ValueTask.FromResult(ActivityResult.Done(message));
    }

    /// <summary>The message input as the flow stores it, before rendering.</summary>
    private static string? WrittenMessage(ActivityContext context) =>
        StartActivity.NodeText(context.Node, "message") ?? context.Node.Inputs.GetValueOrDefault("message")?.ToJsonString();
}
