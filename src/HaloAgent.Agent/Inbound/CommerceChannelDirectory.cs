using HaloAgent.Channels.Routing;
using HaloAgent.Commerce.Businesses;
using Microsoft.Extensions.Configuration;

namespace HaloAgent.Agent.Inbound;

/// <summary>
/// The channels find businesses in the commerce tables: by WhatsApp phone number id, or for Twilio by the number in
/// <c>Twilio:Number</c>, by slug for web chat, which belongs to the business <c>Twilio:BusinessSlug</c> (the demo business by default).
/// </summary>
public sealed class CommerceChannelDirectory(IBusinessDirectory businesses, IConfiguration configuration) : IChannelBusinessDirectory
{
    public async Task<ChannelBusiness?> FindByPhoneNumberIdAsync(string phoneNumberId, CancellationToken cancellationToken) =>
        ToChannel(await businesses.FindByWhatsAppPhoneNumberIdAsync(phoneNumberId, cancellationToken));

    public async Task<ChannelBusiness?> FindByTwilioNumberAsync(string number, CancellationToken cancellationToken)
    {
        if (configuration["Twilio:Number"] is not { Length: > 0 } configured || configured != number)
        {
            return null;
        }

        return ToChannel(await businesses.FindBySlugAsync(configuration["Twilio:BusinessSlug"] ?? DemoBusinessSeeder.DemoSlug, cancellationToken));
    }

    public async Task<ChannelBusiness?> GetAsync(string businessId, CancellationToken cancellationToken) =>
        ToChannel(await businesses.GetAsync(businessId, cancellationToken));

    public async Task<ChannelBusiness?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        ToChannel(await businesses.FindBySlugAsync(slug, cancellationToken));

    private ChannelBusiness? ToChannel(BusinessProfile? business)
    {
        if (business is null)
        {
            return null;
        }

        // The Twilio number belongs to one business only.
        var twilioSlug = configuration["Twilio:BusinessSlug"] ?? DemoBusinessSeeder.DemoSlug;
        var twilio = business.Slug == twilioSlug ? configuration["Twilio:Number"] : null;
        return new ChannelBusiness(business.Id, business.WhatsAppPhoneNumberId, business.WhatsAppAccessToken ?? configuration["WhatsApp:AccessToken"], twilio)
        {
            Slug = business.Slug,
            Name = business.Name,
            BusinessAccountId = business.WhatsAppBusinessAccountId,
        };
    }
}
