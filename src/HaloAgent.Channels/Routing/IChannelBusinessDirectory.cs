namespace HaloAgent.Channels.Routing;

/// <summary>
/// Finds the business a webhook belongs to and the credentials to answer with. Implemented over the commerce tables by
/// the host; <see cref="InMemoryChannelBusinessDirectory"/> serves tests and single-business setups.
/// </summary>
public interface IChannelBusinessDirectory
{
    Task<ChannelBusiness?> FindByPhoneNumberIdAsync(string phoneNumberId, CancellationToken cancellationToken);

    /// <summary>By the business's Twilio WhatsApp number in E.164 (<c>+234…</c>, without the <c>whatsapp:</c> prefix).</summary>
    Task<ChannelBusiness?> FindByTwilioNumberAsync(string number, CancellationToken cancellationToken);

    Task<ChannelBusiness?> GetAsync(string businessId, CancellationToken cancellationToken);

    /// <summary>By the business's public slug (its web chat page address).</summary>
    Task<ChannelBusiness?> FindBySlugAsync(string slug, CancellationToken cancellationToken);
}
