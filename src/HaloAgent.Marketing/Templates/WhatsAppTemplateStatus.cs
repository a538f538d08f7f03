namespace HaloAgent.Marketing.Templates;

/// <summary>Meta's template statuses that decide what may be sent.</summary>
public static class WhatsAppTemplateStatus
{
    public const string Approved = "APPROVED";
    public const string Pending = "PENDING";
    public const string Rejected = "REJECTED";
    public const string Paused = "PAUSED";
    public const string Disabled = "DISABLED";

    /// <summary>A template in one of these stops every broadcast and journey step that uses it.</summary>
    public static bool Stops(string status) => status is Paused or Disabled or Rejected;
}
