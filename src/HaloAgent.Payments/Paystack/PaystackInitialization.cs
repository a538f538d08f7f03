namespace HaloAgent.Payments.Paystack;

/// <summary>What <c>POST /transaction/initialize</c> answered: the link to send the customer.</summary>
public sealed record PaystackInitialization(string AuthorizationUrl, string? AccessCode, string Reference);
