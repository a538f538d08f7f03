using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Content;
using HaloAgent.Platform.Languages;
using HaloAgent.Platform.Messaging;

namespace HaloAgent.Agent.Marketing;

/// <summary>
/// Journey messages read contacts and message templates here, where both are known: the same contact data
/// (<c>contact</c>, <c>business</c>) and the same template files and written-text rules as the agent's own messages.
/// </summary>
public sealed class AgentMarketingContent(IContactService contacts, IBusinessDirectory businesses, MessageTemplates templates) : IMarketingContent
{
    public async Task<MarketingContact?> ContactAsync(string contactId, CancellationToken cancellationToken)
    {
        var contact = await contacts.GetAsync(contactId, cancellationToken);
        if (contact is null || await businesses.GetAsync(contact.BusinessId, cancellationToken) is not { } business)
        {
            return null;
        }

        return new MarketingContact(
            contact.Id, contact.BusinessId, contact.Name, contact.WaId, contact.Channel,
            LanguageCodes.Normalize(contact.PreferredLanguage) ?? business.DefaultLanguage, contact.MarketingOptOut,
            contact.LastInboundAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            Fallback(business));
    }

    public async Task<string> TemplateFallbackAsync(string businessId, CancellationToken cancellationToken) =>
        await businesses.GetAsync(businessId, cancellationToken) is { } business ? Fallback(business) : LanguageCodes.English;

    public async Task<string> RenderAsync(
        MarketingContact contact, string templateKey, string? written, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (await contacts.GetAsync(contact.ContactId, cancellationToken) is { } info)
        {
            model["contact"] = TemplateData.Contact(info);
        }

        if (await businesses.GetAsync(contact.BusinessId, cancellationToken) is { } business)
        {
            model["business"] = TemplateData.Business(business);
        }

        foreach (var (key, value) in data)
        {
            model[key] = value;
        }

        return written is { Length: > 0 }
            ? templates.RenderText(written, contact.Language, model)
            : templates.Render(templateKey, contact.Language, model);
    }

    public IReadOnlyList<string> Check(string source, string language) => templates.Check(source, language);

    public bool Exists(string templateKey) => templates.Has(templateKey, LanguageCodes.English);

    private static string Fallback(BusinessProfile business) =>
        ApprovedTemplateLanguage.For(business.TemplateLanguageFallback, business.TemplateLanguageFallback);
}
