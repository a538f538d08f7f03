using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Conversations;

/// <summary>Loads the conversation of the contact a flow instance is about (its correlation key is the contact id).</summary>
public sealed class ConversationLoader(IContactService contacts, IBusinessDirectory businesses, MessageTemplates templates)
{
    public async Task<Conversation> LoadAsync(ActivityContext step, CancellationToken cancellationToken)
    {
        var contactId = step.Instance.CorrelationKey
            ?? throw new InvalidOperationException("This activity needs an instance correlated to a contact (its correlation key is the contact id).");
        var contact = await contacts.GetAsync(contactId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no contact '{contactId}'.");
        var business = await businesses.GetAsync(contact.BusinessId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no business '{contact.BusinessId}'.");
        return new Conversation(step, contact, business, templates);
    }
}
