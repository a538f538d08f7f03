namespace HaloAgent.Marketing.Templates;

/// <summary>Meta's template statuses (as sent by <c>message_templates</c> and the status webhook).</summary>
public static class WhatsAppTemplateStatus
{
    public const string Approved = "APPROVED";
    public const string Pending = "PENDING";

    /// <summary>Ours, not Meta's: the template is no longer listed for the account (deleted in WhatsApp Manager).</summary>
    public const string Deleted = "DELETED";
}
