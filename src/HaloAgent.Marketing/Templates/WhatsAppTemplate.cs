namespace HaloAgent.Marketing.Templates;

/// <summary>
/// One of a business's WhatsApp message templates in one language, as Meta knows it (synced from
/// <c>GET /{waba-id}/message_templates</c> and kept current by the <c>message_template_status_update</c> webhook).
/// Only an APPROVED template may be sent outside the 24-hour window.
/// </summary>
public sealed class WhatsAppTemplate
{
    public string Id { get; set; } = "";

    public string BusinessId { get; set; } = "";

    /// <summary>Meta's id of the template (the same for all its languages is not guaranteed: one row per language).</summary>
    public string? MetaId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Meta's language code (en, en_US, ha, …).</summary>
    public string Language { get; set; } = "";

    /// <summary>MARKETING, UTILITY or AUTHENTICATION: what Meta charges for it.</summary>
    public string Category { get; set; } = "";

    /// <summary>APPROVED, PENDING, REJECTED, PAUSED, DISABLED, …</summary>
    public string Status { get; set; } = "";

    /// <summary>Why Meta rejected, paused or disabled it, when it said.</summary>
    public string? StatusReason { get; set; }

    /// <summary>The body text with its {{1}}…{{n}} placeholders.</summary>
    public string Body { get; set; } = "";

    /// <summary>How many body parameters a send must fill.</summary>
    public int ParameterCount { get; set; }

    public long UpdatedAt { get; set; }
}
