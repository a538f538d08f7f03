using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Activities;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Agent.Activities;

/// <summary>STOP and START: withdraws or restores marketing consent as easily as it was given (NDPA), and confirms it.</summary>
public sealed class SetMarketingConsentActivity(ConversationLoader conversations, IContactService contacts, IEventPublisher events) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SetMarketingConsent",
        DisplayName = "Opt out / opt in",
        Category = "Agent",
        Description = "Stops (or resumes) marketing messages and reminders for this contact and confirms it to them.",
        Inputs =
        [
            new InputDescriptor("optIn", InputKind.Boolean) { DisplayName = "Opt in (START)", Required = true },
            new InputDescriptor("language", InputKind.Text)
            {
                DisplayName = "Language of the request",
                Default = System.Text.Json.Nodes.JsonValue.Create("{{event.language}}"),
                Description = "en, pcm, yo, ig or ha: the confirmation is sent in it and it becomes the contact's language.",
            },
        ],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        if (LanguageCodes.Normalize(context.Text("language")) is { } language && language != conversation.Contact.PreferredLanguage)
        {
            // "Ku daina turo min saƙo" as a first message: the contact has no language yet, and the answer must be Hausa.
            await contacts.SetLanguageAsync(conversation.Contact.Id, language, cancellationToken);
            conversation = await conversations.LoadAsync(context, cancellationToken);
        }

        if (context.Input<bool>("optIn"))
        {
            await contacts.OptInAsync(conversation.Contact.Id, cancellationToken);
            conversation.Send("opted_in", conversation.Data());
        }
        else
        {
            await contacts.OptOutAsync(conversation.Contact.Id, cancellationToken);
            conversation.Send("opted_out", conversation.Data());
            await CartEffects.PublishAsync(events, context, CartEffects.Closed, conversation, cancellationToken);
        }

        return ActivityResult.Done();
    }
}
