using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using HaloAgent.Marketing.Broadcasts;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Languages;
using HaloAgent.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Journeys;

/// <summary>
/// A journey's message to its contact. Inside the 24-hour window it sends the free-form text (the template file of its
/// key, or the text written on the node) in the contact's language; outside it, the approved WhatsApp template in the
/// contact's language or the business's fallback. Never to an opted-out contact; during quiet hours it waits (a
/// durable timer) until they end; over the shared frequency cap it is held until the cap frees or skipped, as the node
/// says. Queued once per step: the outbox and the step's record are keyed by the step's idempotency key.
/// </summary>
public sealed class SendJourneyMessageActivity(
    IMarketingContent content, IMarketingMessenger messenger, ITemplateCatalog templates, IDbContextFactory<MarketingDbContext> factory,
    IOptionsMonitor<MarketingOptions> options) : Activity
{
    /// <summary>Done: sent, or skipped with the reason in the output; OptedOut: the contact stopped marketing (a journey ends here unless it says otherwise).</summary>
    public const string OptedOut = "OptedOut";
    public const string HoldWhenCapped = "hold", SkipWhenCapped = "skip";
    public const string FreeForm = "free_form", Template = "template";
    private const string TextsInput = "texts";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SendJourneyMessage",
        DisplayName = "Send journey message",
        Category = "Marketing",
        Description = "Inside the customer's 24-hour window sends the message in their language; outside it the approved WhatsApp template. Waits out quiet hours, keeps the shared frequency cap, never messages an opted-out contact; sent once even if the step re-runs.",
        MaySuspend = true,
        Inputs =
        [
            new InputDescriptor("template", InputKind.Text) { DisplayName = "Message template key", Required = true, UiHint = "template", Description = "templates/messages/<lang>/<key>.hbs: the free-form message in the contact's language." },
            new InputDescriptor(TextsInput, InputKind.Json) { DisplayName = "Message text", UiHint = "template-texts", Description = "Optional: the message written here per language ({ \"en\": ..., \"yo\": ... }) instead of the template file; English is used for a language without its own." },
            new InputDescriptor("data", InputKind.Expression) { DisplayName = "Extra data", Description = "An expression giving an object merged into the message data." },
            new InputDescriptor("whatsappTemplate", InputKind.Text) { DisplayName = "Approved WhatsApp template", Required = true, UiHint = "whatsapp-template", Description = "Sent when the 24-hour window is closed, in the contact's language or the business's fallback." },
            new InputDescriptor("parameters", InputKind.Json) { DisplayName = "Template parameters", Description = "The template's body parameters in order; {name} is the contact's first name." },
            new InputDescriptor("whenCapped", InputKind.Select) { DisplayName = "Over the frequency cap", Options = [HoldWhenCapped, SkipWhenCapped], Default = JsonValue.Create(SkipWhenCapped), Description = "hold: wait until the cap frees; skip: go on without sending (the skip is in the step's output and the journey's records)." },
        ],
        Outputs =
        [
            new OutputDescriptor("mode", "string", "free_form or template."),
            new OutputDescriptor("language", "string"),
            new OutputDescriptor("text", "string", "What the customer reads."),
            new OutputDescriptor("skipped", "string", "Why the step sent nothing: frequency_cap, opted_out or no_approved_template."),
        ],
        Outcomes = [Outcomes.Done, OptedOut],
    };

    /// <summary>Quiet hours and the cap may hold it, but a loop cannot count on that: it is no wait.</summary>
    public override LoopWait DescribeWait(FlowNode node) => LoopWait.None;

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        if (node.Inputs.GetValueOrDefault("template") is JsonValue key && key.TryGetValue<string>(out var name) && !name.Contains("{{", StringComparison.Ordinal)
            && !content.Exists(name))
        {
            yield return new ValidationError(node.Id, "template", $"There is no message template '{name}' (templates/messages/en/{name}.hbs).");
        }

        if (node.Inputs.GetValueOrDefault("parameters") is { } parameters and not JsonArray)
        {
            yield return new ValidationError(node.Id, "parameters", $"The parameters must be a list of texts, not {parameters.GetValueKind()}.");
        }

        if (node.Inputs.GetValueOrDefault(TextsInput) is not { } raw)
        {
            yield break;
        }

        if (raw is not JsonObject texts)
        {
            yield return new ValidationError(node.Id, TextsInput, "The message text must be an object of language code to text, e.g. { \"en\": \"Hello\" }.");
            yield break;
        }

        foreach (var (language, value) in texts)
        {
            var problems = !LanguageCodes.All.Contains(language)
                ? [$"Unknown language '{language}'; use one of {string.Join(", ", LanguageCodes.All)}."]
                : value is JsonValue text && text.TryGetValue<string>(out var source) && !string.IsNullOrWhiteSpace(source)
                    ? content.Check(source, language)
                    : ["The text must not be empty."];
            foreach (var problem in problems)
            {
                yield return new ValidationError(node.Id, $"{TextsInput}.{language}", problem);
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        SendAsync(context, cancellationToken);

    /// <summary>A held step (quiet hours, cap) looks at everything again when its timer fires.</summary>
    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeSignal signal, CancellationToken cancellationToken) =>
        SendAsync(context, cancellationToken);

    private async ValueTask<ActivityResult> SendAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var contactId = context.Instance.CorrelationKey
            ?? throw new InvalidOperationException("A journey message needs a flow started for a contact (its correlation key is the contact).");
        var contact = await content.ContactAsync(contactId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no contact '{contactId}' to send a journey message to.");
        if (contact.MarketingOptOut)
        {
            return Skip(context, contact, JourneySkipReasons.OptedOut, OptedOut);
        }

        var settings = options.CurrentValue;
        if (new QuietHours(settings.QuietHoursStart, settings.QuietHoursEnd).HeldUntil(context.Now) is { } quietEnd)
        {
            return ActivityResult.Suspend(Wait.Until(quietEnd));
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await MarketingReach.CappedUntilAsync(db, contact.BusinessId, contact.ContactId, settings, context.Now.ToUnixTimeMilliseconds(), cancellationToken) is { } free)
            {
                return context.Text("whenCapped") == HoldWhenCapped
                    ? ActivityResult.Suspend(Wait.Until(DateTimeOffset.FromUnixTimeMilliseconds(free)))
                    : Skip(context, contact, JourneySkipReasons.FrequencyCap, Outcomes.Done);
            }
        }

        // Web chat and Twilio have no templates: their customers always read the text.
        var freeForm = contact.IsInServiceWindow(context.Now) || contact.Channel != "whatsapp";
        return freeForm ? await SendTextAsync(context, contact, cancellationToken) : await SendTemplateAsync(context, contact, cancellationToken);
    }

    private async ValueTask<ActivityResult> SendTextAsync(ActivityContext context, MarketingContact contact, CancellationToken cancellationToken)
    {
        var written = context.Input<object>(TextsInput) as IDictionary<string, object?>;
        var text = await content.RenderAsync(
            contact, context.Text("template")!, Written(written, contact.Language) ?? Written(written, LanguageCodes.English), Data(context), cancellationToken);
        await messenger.EnqueueAsync(
            new MarketingMessage(contact.BusinessId, contact.Key, contact.Channel, context.IdempotencyKey, Callback(context), "",
                contact.TemplateFallbackLanguage, [], text, FreeForm: true),
            cancellationToken);
        return Record(context, contact, FreeForm, contact.Language, null, text);
    }

    private async ValueTask<ActivityResult> SendTemplateAsync(ActivityContext context, MarketingContact contact, CancellationToken cancellationToken)
    {
        var name = context.Text("whatsappTemplate")?.Trim() ?? "";
        var variants = (await templates.ListAsync(contact.BusinessId, cancellationToken)).Where(t => t.Name == name).ToList();
        if (new TemplateChoice(variants, contact.TemplateFallbackLanguage).For(contact.Language) is not { } variant)
        {
            return Skip(context, contact, JourneySkipReasons.NoTemplate, Outcomes.Done);
        }

        var parameters = (context.Input<object>("parameters") as IEnumerable<object?> ?? []).Select(p => p?.ToString() ?? "").ToList();
        var values = BroadcastPlanner.ParametersFor(parameters, contact.Name);
        var text = BroadcastPlanner.Fill(variant.Body, values);
        await messenger.EnqueueAsync(
            new MarketingMessage(contact.BusinessId, contact.Key, contact.Channel, context.IdempotencyKey, Callback(context), variant.Name,
                variant.Language, values, text),
            cancellationToken);
        return Record(context, contact, Template, variant.Language, variant.Name, text);
    }

    private static string? Written(IDictionary<string, object?>? texts, string language) =>
        texts is not null && texts.TryGetValue(language, out var text) && text is string s && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static IReadOnlyDictionary<string, object?> Data(ActivityContext context) =>
        context.Input<object>("data") is IDictionary<string, object?> extra
            ? new Dictionary<string, object?>(extra, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Delivery and read reports come back with this, naming the journey and its step.</summary>
    // The same shape as the agent's messages, with the contact's Split variants: experiments attribute delivery and reads.
    private static string Callback(ActivityContext context) => FlowCallback.Format(context.Instance.FlowId, context.Node.Id, context.AssignedVariants);

    private static ActivityResult Record(ActivityContext context, MarketingContact contact, string mode, string language, string? template, string text)
    {
        context.Enlist(new JourneyMessageWrite(Row(context, contact, JourneyMessageStatus.Queued, mode, language, template, null)));
        return ActivityResult.Outcome(Outcomes.Done, new Dictionary<string, object?>
        {
            ["mode"] = mode, ["language"] = language, ["template"] = template, ["text"] = text,
        });
    }

    private static ActivityResult Skip(ActivityContext context, MarketingContact contact, string reason, string outcome)
    {
        context.Enlist(new JourneyMessageWrite(Row(context, contact, JourneyMessageStatus.Skipped, null, null, null, reason)));
        return ActivityResult.Outcome(outcome, new Dictionary<string, object?> { ["skipped"] = reason });
    }

    private static JourneyMessage Row(
        ActivityContext context, MarketingContact contact, string status, string? mode, string? language, string? template, string? reason) => new()
    {
        Id = context.IdempotencyKey,
        BusinessId = contact.BusinessId,
        ContactId = contact.ContactId,
        FlowId = context.Instance.FlowId,
        InstanceId = context.Instance.Id,
        NodeId = context.Node.Id,
        Status = status,
        Mode = mode,
        Language = language,
        TemplateName = template,
        Reason = reason,
        At = context.Now.ToUnixTimeMilliseconds(),
    };
}
