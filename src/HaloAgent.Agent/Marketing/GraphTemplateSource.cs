using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Routing;
using HaloAgent.Platform.Messaging;

namespace HaloAgent.Agent.Marketing;

/// <summary>Lists a business's templates from Meta with the business's own account id and token (marketing never sees the token).</summary>
public sealed class GraphTemplateSource(WhatsAppGraphClient graph, IChannelBusinessDirectory businesses) : IWhatsAppTemplateSource
{
    public async Task<IReadOnlyList<RemoteTemplate>> FetchAsync(string businessId, CancellationToken cancellationToken)
    {
        var business = await businesses.GetAsync(businessId, cancellationToken) ?? throw new TemplateSourceException("The business is not known.");
        if (string.IsNullOrWhiteSpace(business.BusinessAccountId))
        {
            throw new TemplateSourceException(
                "This business has no WhatsApp Business Account id yet (WhatsApp:BusinessAccountId): set it to sync the templates Meta approved.");
        }

        if (string.IsNullOrWhiteSpace(business.AccessToken))
        {
            throw new TemplateSourceException("This business has no WhatsApp access token yet (WhatsApp:AccessToken).");
        }

        try
        {
            return await graph.ListTemplatesAsync(business.BusinessAccountId, business.AccessToken, cancellationToken);
        }
        catch (GraphApiException e)
        {
            throw new TemplateSourceException($"Meta refused to list the templates: {e.Explanation ?? e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new TemplateSourceException("Meta could not be reached to list the templates; try again in a minute.", e);
        }
    }
}
