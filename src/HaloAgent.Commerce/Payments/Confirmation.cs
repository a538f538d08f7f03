namespace HaloAgent.Commerce.Payments;

/// <summary>Who confirmed a payment and how: the owner (by e-mail), "paystack" (verified), or "auto-receipt" (the business's opt-in).</summary>
public sealed record Confirmation(string Actor, string? Note = null, PaymentMethod? Method = null, string? ProviderReference = null);
