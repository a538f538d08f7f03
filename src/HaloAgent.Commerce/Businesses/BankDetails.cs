namespace HaloAgent.Commerce.Businesses;

/// <summary>Where customers pay by transfer; shown in payment instructions.</summary>
public sealed record BankDetails(string BankName, string AccountNumber, string AccountName);
