using System.Text.Unicode;
using HaloAgent.Channels.Inbound;
using HaloAgent.Platform.Messaging;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Twilio;
using HaloAgent.Channels.WebChat;
using HaloAgent.Channels.Webhooks;
using HaloAgent.Channels.WhatsApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Channels.Inbox;

/// <summary>
/// Reads one stored webhook event of any provider, routes it to its business and hands each new, valid message to
/// <see cref="IInboundMessageHandler"/> once. Poison (unreadable body, invalid sender, oversized text, unknown number)
/// is never handed off: it becomes the reason of a dead letter, while the event's good parts are still handled.
/// </summary>
internal sealed class InboxEventRouter(
    InboundMessageStore messages, DeliveryStatusRecorder statuses, IChannelBusinessDirectory directory, IServiceScopeFactory scopes, ILogger logger)
{
    public Task<InboxOutcome> ProcessAsync(InboxRow row, CancellationToken cancellationToken) => row.Provider switch
    {
        WebhookProviders.WhatsApp => ProcessWhatsAppAsync(row, cancellationToken),
        WebhookProviders.Twilio => ProcessTwilioAsync(row, cancellationToken),
        WebhookProviders.WebChat => ProcessWebChatAsync(row, cancellationToken),
        _ => Task.FromResult(InboxOutcome.DeadLetter($"Unknown webhook provider '{row.Provider}'.")),
    };

    /// <summary>Hands a template's new status to whoever keeps templates; the note says what came of it.</summary>
    private async Task<string> ApplyTemplateStatusAsync(TemplateStatusUpdate template, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var changed = 0;
        foreach (var sink in scope.ServiceProvider.GetServices<ITemplateStatusSink>())
        {
            changed += await sink.ApplyAsync(template, cancellationToken);
        }

        return changed > 0
            ? $"Template '{template.Name}' ({template.Language}) is now {template.Status}."
            : $"Template status {template.Status} for unknown template {template.MetaId} ('{template.Name}').";
    }

    /// <summary>The customer an event is about (its own id when it carries no message); null when it carries several customers.</summary>
    public static string? LaneKey(InboxRow row)
    {
        try
        {
            var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt);
            if (row.Provider == WebhookProviders.WebChat)
            {
                return "webchat:" + (WebChatMessageParser.Parse(row.Body, out _)?.From ?? row.Id);
            }

            if (row.Provider == WebhookProviders.Twilio)
            {
                return "twilio:" + (TwilioMessageParser.Parse(TwilioMessageParser.ReadForm(row.Body), receivedAt).Message?.From ?? row.Id);
            }

            var parsed = WhatsAppPayloadParser.Parse(row.Body, receivedAt);
            var senders = parsed.Success ? parsed.Changes.SelectMany(c => c.Messages).Select(m => m.From).Distinct().ToList() : [];
            return senders.Count switch
            {
                0 => "event:" + row.Id,
                1 => "whatsapp:" + senders[0],
                _ => null,
            };
        }
        catch (Exception)
        {
            return "event:" + row.Id; // unreadable: processing reports the error
        }
    }

    private async Task<InboxOutcome> ProcessWhatsAppAsync(InboxRow row, CancellationToken cancellationToken)
    {
        var parsed = WhatsAppPayloadParser.Parse(row.Body, DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt));
        if (!parsed.Success)
        {
            return InboxOutcome.DeadLetter(parsed.Error!);
        }

        if (parsed.Object != WhatsAppPayloadParser.BusinessAccountObject)
        {
            return InboxOutcome.Done($"Ignored: object '{parsed.Object}' is not {WhatsAppPayloadParser.BusinessAccountObject}.");
        }

        var notes = new List<string>();
        var poison = new List<string>();
        foreach (var change in parsed.Changes)
        {
            poison.AddRange(change.Unreadable);
            if (change.TemplateStatus is { } template)
            {
                notes.Add(await ApplyTemplateStatusAsync(template, cancellationToken));
                continue;
            }

            if (change.Messages.Count == 0 && change.Statuses.Count == 0 && change.Errors.Count == 0)
            {
                if (change.Field != "messages")
                {
                    notes.Add($"Ignored change '{change.Field}'.");
                }

                continue;
            }

            var business = change.PhoneNumberId is null ? null : await directory.FindByPhoneNumberIdAsync(change.PhoneNumberId, cancellationToken);
            if (business is null)
            {
                logger.LogWarning(
                    "Webhook event {Id}: no business has phone_number_id {PhoneNumberId}; {Messages} message(s) and {Statuses} status(es) not routed",
                    row.Id, change.PhoneNumberId, change.Messages.Count, change.Statuses.Count);
                poison.Add($"Unknown phone_number_id '{change.PhoneNumberId}': {change.Messages.Count} message(s), {change.Statuses.Count} status(es) not routed.");
                continue;
            }

            foreach (var error in change.Errors)
            {
                logger.LogWarning("WhatsApp reported error {Code} for business {BusinessId}: {Title}", error.Code, business.Id, error.Title);
                notes.Add($"Meta error {error.Code}: {error.Title}");
            }

            foreach (var message in change.Messages)
            {
                if (await HandOffAsync(message with { BusinessId = business.Id }, row.Id, cancellationToken) is { } problem)
                {
                    poison.Add(problem);
                }
            }

            foreach (var status in change.Statuses)
            {
                await statuses.RecordAsync(status, row.Id, cancellationToken);
            }
        }

        return InboxOutcome.Of(poison, notes);
    }

    private async Task<InboxOutcome> ProcessTwilioAsync(InboxRow row, CancellationToken cancellationToken)
    {
        if (!Utf8.IsValid(row.Body))
        {
            return InboxOutcome.DeadLetter("Invalid UTF-8 in the Twilio webhook body.");
        }

        var parsed = TwilioMessageParser.Parse(TwilioMessageParser.ReadForm(row.Body), DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt));
        if (parsed.Message is null)
        {
            return InboxOutcome.DeadLetter(parsed.Error ?? "Unreadable Twilio webhook.");
        }

        var business = await directory.FindByTwilioNumberAsync(parsed.BusinessNumber!, cancellationToken);
        if (business is null)
        {
            logger.LogWarning("Webhook event {Id}: no business has the Twilio number {Number}", row.Id, parsed.BusinessNumber);
            return InboxOutcome.DeadLetter($"Unknown Twilio number '{parsed.BusinessNumber}': message not routed.");
        }

        var problem = await HandOffAsync(parsed.Message with { BusinessId = business.Id }, row.Id, cancellationToken);
        return problem is null ? InboxOutcome.Done() : InboxOutcome.DeadLetter(problem);
    }

    private async Task<InboxOutcome> ProcessWebChatAsync(InboxRow row, CancellationToken cancellationToken)
    {
        var message = WebChatMessageParser.Parse(row.Body, out var error);
        if (message is null)
        {
            return InboxOutcome.DeadLetter(error!);
        }

        var problem = await HandOffAsync(message, row.Id, cancellationToken);
        return problem is null ? InboxOutcome.Done() : InboxOutcome.DeadLetter(problem);
    }

    /// <returns>Why the message is poison (it was not handed off), or null when it was handed off or is a duplicate.</returns>
    private async Task<string?> HandOffAsync(InboundMessage message, string inboxId, CancellationToken cancellationToken)
    {
        using var messageScope = ChannelsTelemetry.MessageScope(logger, message);
        // Checked before the dedupe row is written: a poison message leaves no trace but its dead letter.
        if (InboundMessageCheck.Problem(message) is { } problem)
        {
            logger.LogWarning("Webhook event {Id}: message refused: {Problem}", inboxId, problem);
            return problem;
        }

        if (!await messages.TryClaimAsync(message, inboxId, cancellationToken))
        {
            logger.LogDebug("Duplicate delivery of message {MessageId} for business {BusinessId} ignored", message.ExternalId, message.BusinessId);
            return null;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, cancellationToken);
        }
        catch (PermanentMessageException ex)
        {
            // Released, so a requeued dead letter is handed off again.
            await messages.ReleaseAsync(message, CancellationToken.None);
            return ex.Message;
        }
        catch
        {
            await messages.ReleaseAsync(message, CancellationToken.None);
            throw;
        }

        await messages.CompleteAsync(message, CancellationToken.None);
        return null;
    }
}
