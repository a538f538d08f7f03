namespace HaloAgent.Server.Dashboard;

/// <summary>A valid CSV row: phone in E.164; null fields leave an existing contact's value as it is.</summary>
internal sealed record ContactImportRow(int Line, string? Name, string PhoneE164, string? Language, bool? MarketingOptIn)
{
    /// <summary>The contact key WhatsApp uses for the number (its digits), as the inbox stores it.</summary>
    public string WaId => PhoneE164[1..];
}
