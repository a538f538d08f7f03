using HaloAgent.Platform.Messaging;
using System.Text.RegularExpressions;
using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Outside the 24-hour window WhatsApp delivers only approved templates (131047). Rather than lose a payment reminder
/// or a delivery update, the refused message is queued again as the business's re-engagement template, its text as
/// the one body parameter, in the approved language the agent chose for the contact (Hausa or English).
/// </summary>
internal static partial class ReengagementFallback
{
    /// <summary>Meta's limit for a template body; the parameter must leave room for the template's own words.</summary>
    private const int MaxParameterLength = 900;

    public const string KeySuffix = ":template";

    /// <summary>The template message to queue instead of <paramref name="row"/>, or null when none applies.</summary>
    public static OutboxInsert? For(OutboxRow row, int? code, string? templateName)
    {
        if (code != MetaErrors.OutsideCustomerServiceWindow || string.IsNullOrWhiteSpace(templateName)
            || row.ChannelKind != ChannelKind.WhatsApp || row.MessageType == "template")
        {
            return null;
        }

        // The template has no buttons: offering choices the customer cannot tap would confuse.
        var text = Parameter(GraphPayloadText.Render(row.Payload, withChoices: false));
        if (text.Length == 0)
        {
            return null;
        }

        var content = new TemplateContent(templateName, row.TemplateLanguage ?? "en", [new TemplateComponent("body", [TemplateParameter.Text(text)])]);
        return OutboxSql.Prepare(new OutboundMessage(row.BusinessId, row.Recipient, content, row.IdempotencyKey + KeySuffix)
        {
            TemplateLanguage = row.TemplateLanguage,
        });
    }

    /// <summary>Template parameters may not hold line breaks, tabs or runs of more than four spaces (132018).</summary>
    internal static string Parameter(string text)
    {
        var flat = LineBreaks().Replace(text.Trim(), " · ");
        flat = Spaces().Replace(flat, " ");
        return flat.Length <= MaxParameterLength ? flat : flat[..(MaxParameterLength - 1)] + "…";
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
