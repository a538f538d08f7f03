using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Payments.Voice;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Turns a WhatsApp voice note into text for the understanding step: the audio is downloaded (Graph's two-step fetch),
/// converted with ffmpeg when the provider needs it and transcribed. Any other message passes its text through. With
/// no transcription provider configured, or when it fails, the customer is asked to type instead.
/// </summary>
public sealed class TranscribeVoiceNoteActivity(
    ConversationLoader conversations, MediaFetcher media, IAudioTranscriber transcriber, ILogger<TranscribeVoiceNoteActivity> logger) : Activity
{
    public static class Results
    {
        public const string Unavailable = "Unavailable";
    }

    public const string AudioType = "Audio";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "TranscribeVoiceNote",
        DisplayName = "Transcribe voice note",
        Category = "Agent",
        Description = "Voice notes become text (OpenAI-compatible transcription); other messages pass their text through. Asks the customer to type when it cannot.",
        Inputs =
        [
            new InputDescriptor("type", InputKind.Text) { DisplayName = "Message type", Default = JsonValue.Create("{{event.type}}") },
            new InputDescriptor("text", InputKind.Text) { DisplayName = "Message text", Default = JsonValue.Create("{{event.text}}") },
            new InputDescriptor("mediaId", InputKind.Text) { DisplayName = "Media id", Default = JsonValue.Create("{{event.media.id}}") },
            new InputDescriptor("mimeType", InputKind.Text) { DisplayName = "Media type", Default = JsonValue.Create("{{event.media.mimeType}}") },
        ],
        Outputs = [new OutputDescriptor("text", "string"), new OutputDescriptor("transcribed", "boolean")],
        Outcomes = ["Done", Results.Unavailable],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var text = context.Text("text") ?? "";
        if (!string.Equals(context.Text("type"), AudioType, StringComparison.Ordinal))
        {
            return ActivityResult.Done(Output(text, transcribed: false));
        }

        var conversation = await conversations.LoadAsync(context, cancellationToken);
        string? reason = null;
        if (!transcriber.IsConfigured)
        {
            reason = "no transcription provider is configured";
        }
        else
        {
            var file = await media.FetchAsync(conversation.Business.Id, context.Text("mediaId"), cancellationToken);
            if (file.Bytes is null)
            {
                reason = file.Error;
            }
            else
            {
                try
                {
                    var result = await transcriber.TranscribeAsync(file.Bytes, file.MimeType ?? context.Text("mimeType"), cancellationToken);
                    if (result.IsTranscribed && !string.IsNullOrWhiteSpace(result.Text))
                    {
                        return ActivityResult.Done(Output(result.Text.Trim(), transcribed: true));
                    }

                    reason = $"the transcription was {result.Status}";
                }
                catch (TranscriptionException e)
                {
                    reason = e.Message;
                }
            }
        }

        logger.LogInformation("Voice note from contact {ContactId} not transcribed: {Reason}", conversation.Contact.Id, reason);
        conversation.Send(MessageTemplateKeys.VoiceNoteUnavailable, conversation.Data());
        return ActivityResult.Outcome(Results.Unavailable, Output("", transcribed: false));
    }

    private static Dictionary<string, object?> Output(string text, bool transcribed) => new() { ["text"] = text, ["transcribed"] = transcribed };
}
