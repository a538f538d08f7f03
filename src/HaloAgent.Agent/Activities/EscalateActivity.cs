using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Engine.Activities;
using HaloAgent.Platform.Events;

namespace HaloAgent.Agent.Activities;

/// <summary>Hands the chat to a person: opens an escalation (the agent stays quiet until the owner resolves it) and tells the customer.</summary>
public sealed class EscalateActivity(ConversationLoader conversations, IEscalationService escalations, IEventPublisher events) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalate",
        DisplayName = "Hand over to a person",
        Category = "Agent",
        Description = "Opens an escalation for the owner's inbox; the agent stops answering this customer until it is resolved.",
        Inputs = [new InputDescriptor("reason", InputKind.Text) { DisplayName = "Reason", Default = JsonValue.Create("The customer asked for a person.") }],
        Outputs = [new OutputDescriptor("escalationId", "string")],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var opened = await escalations.OpenAsync(conversation.Business.Id, conversation.Contact.Id, context.Text("reason") ?? "", $"flow:{context.Instance.FlowId}", cancellationToken);
        if (!opened.AlreadyOpen)
        {
            // The hand-over flow tells the customer and waits for the owner to hand the chat back.
            await events.PublishAsync(conversation.Business.Id, EventNames.EscalationOpened, conversation.Contact.Id, new Dictionary<string, object?>
            {
                ["escalationId"] = opened.Escalation.Id,
                ["reason"] = context.Text("reason"),
                ["by"] = "agent",
            }, $"{context.IdempotencyKey}:{EventNames.EscalationOpened}", cancellationToken);
        }

        return ActivityResult.Done(new Dictionary<string, object?> { ["escalationId"] = opened.Escalation.Id });
    }
}
