namespace HaloAgent.Commerce.Businesses;

/// <summary>Finds businesses: by id for the agent, by phone number id for webhook routing, by slug for the showcase.</summary>
public interface IBusinessDirectory
{
    Task<IReadOnlyList<BusinessProfile>> ListAsync(CancellationToken cancellationToken);

    Task<BusinessProfile?> GetAsync(string businessId, CancellationToken cancellationToken);

    Task<BusinessProfile?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The business that owns a WhatsApp number (<c>metadata.phone_number_id</c> of a webhook), or null.</summary>
    Task<BusinessProfile?> FindByWhatsAppPhoneNumberIdAsync(string phoneNumberId, CancellationToken cancellationToken);
}
