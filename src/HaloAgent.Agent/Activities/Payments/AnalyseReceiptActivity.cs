using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Payments.Receipts;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Reads a receipt screenshot for a payment: downloads it, OCRs and parses it, scores it against the order (amount,
/// our reference, date, image reused for another order) and stores the result with the payment. A receipt never marks
/// the order paid by itself: it goes to the owner's review queue with its score and reasons, unless the business opted
/// in to automatic confirmation and the receipt is a clean match under its limit. Anything that cannot be read (not an
/// image, too large, an expired link, no text) is stored with the reason and the customer is asked for a clear screenshot.
/// </summary>
public sealed class AnalyseReceiptActivity(
    ConversationLoader conversations,
    IPaymentService payments,
    IOrderService orders,
    MediaFetcher media,
    IReceiptAnalyzer analyzer,
    ReceiptMatcher matcher) : Activity
{
    public static class Results
    {
        public const string Review = "Review";
        public const string AutoConfirmed = "AutoConfirmed";
        public const string Unreadable = "Unreadable";
        public const string AlreadySettled = "AlreadySettled";
    }

    private static readonly JsonSerializerOptions FieldsJson = new(JsonSerializerDefaults.Web);

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "AnalyseReceipt",
        DisplayName = "Analyse receipt",
        Category = "Payments",
        Description = "OCRs a receipt image, scores it against the order and stores it for the owner's review (or confirms it under the business's auto-confirm rule).",
        Inputs =
        [
            new InputDescriptor("paymentId", InputKind.Text) { DisplayName = "Payment", Required = true, Default = JsonValue.Create("{{vars.paymentId}}") },
            new InputDescriptor("mediaId", InputKind.Text) { DisplayName = "Media id", Default = JsonValue.Create("{{vars.claim.media.id}}") },
            new InputDescriptor("messageId", InputKind.Text) { DisplayName = "Message id", Default = JsonValue.Create("{{vars.claim.messageId}}") },
        ],
        Outputs = [new OutputDescriptor("score", "number"), new OutputDescriptor("verdict", "string"), new OutputDescriptor("reasons", "array")],
        Outcomes = [Results.Review, Results.AutoConfirmed, Results.Unreadable, Results.AlreadySettled],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var business = conversation.Business;
        var payment = await payments.GetAsync(context.Text("paymentId") ?? "", cancellationToken);
        if (payment is null || payment.BusinessId != business.Id || !payment.IsOpen)
        {
            return ActivityResult.Outcome(Results.AlreadySettled);
        }

        var order = (await orders.GetAsync(payment.OrderId, cancellationToken))!;
        var mediaId = context.Text("mediaId");
        var messageId = context.Text("messageId") is { Length: > 0 } id ? id : mediaId ?? context.IdempotencyKey;
        var settings = await payments.GetSettingsAsync(business.Id, cancellationToken);

        var file = await media.FetchAsync(business.Id, mediaId, cancellationToken);
        ReceiptAnalysis? analysis = null;
        var error = file.Error;
        if (file.Bytes is { } bytes)
        {
            try
            {
                analysis = await analyzer.AnalyzeAsync(bytes, cancellationToken);
            }
            catch (ReceiptOcrException e)
            {
                error = e.Failure == ReceiptOcrFailure.NotAnImage
                    ? $"The file sent ({file.MimeType ?? "unknown type"}) is not a receipt image: {e.Message}"
                    : $"The receipt could not be read automatically ({e.Failure}): {e.Message}";
            }
        }

        ReceiptRecord record;
        var outcome = Results.Review;
        if (analysis is null)
        {
            record = new ReceiptRecord(payment.Id, messageId, "unreadable", 0, [new ReceiptReasonEntry("not_read", false, error!)])
            {
                MimeType = file.MimeType,
                SizeBytes = file.Bytes?.Length ?? 0,
                Error = error,
                ImageSha256 = file.Bytes is { } raw ? ImageHash.Sha256Hex(raw) : null,
            };
            outcome = Results.Unreadable;
        }
        else
        {
            var expected = new ExpectedPayment(
                payment.AmountKobo,
                payment.Reference,
                DateTimeOffset.FromUnixTimeMilliseconds(order.CreatedAt),
                context.Now,
                await payments.OtherReferencesAsync(business.Id, payment.ContactId, payment.Id, cancellationToken),
                await payments.IsImageUsedElsewhereAsync(business.Id, analysis.ImageSha256, payment.Id, cancellationToken));
            var assessment = matcher.Assess(analysis, expected);
            var decision = new ReceiptAutoConfirmPolicy(settings.AutoConfirmReceipts, settings.AutoConfirmMinScore, settings.AutoConfirmMaxKobo)
                .Decide(assessment, payment.AmountKobo);
            if (assessment.Verdict == ReceiptVerdict.Unreadable)
            {
                outcome = Results.Unreadable;
            }
            else if (decision.AutoConfirm)
            {
                outcome = Results.AutoConfirmed;
            }

            record = new ReceiptRecord(
                payment.Id,
                messageId,
                Name(assessment.Verdict.ToString()),
                assessment.Score,
                assessment.Reasons.Select(r => new ReceiptReasonEntry(Name(r.Code.ToString()), r.IsRedFlag, r.Message)).ToList())
            {
                ImageSha256 = analysis.ImageSha256,
                MimeType = file.MimeType,
                SizeBytes = file.Bytes!.Length,
                Image = file.Bytes,
                RawText = analysis.RawText,
                FieldsJson = JsonSerializer.Serialize(analysis.Fields, FieldsJson),
                OcrConfidence = analysis.OcrConfidence,
                Confidence = analysis.Confidence,
                AutoConfirmed = outcome == Results.AutoConfirmed,
                Summary = outcome == Results.AutoConfirmed ? decision.Reason : null,
            };
        }

        var stored = await payments.RecordReceiptAsync(record, cancellationToken);
        if (outcome == Results.AutoConfirmed)
        {
            var confirmed = await payments.ConfirmAsync(business.Id, payment.Id, new Confirmation("auto-receipt", record.Summary), cancellationToken);
            stored = confirmed.Payment ?? stored;
            if (!confirmed.Succeeded)
            {
                outcome = Results.Review;
            }
        }

        var data = conversation.Data(
            ("order", TemplateData.Order((await orders.GetAsync(order.Id, cancellationToken))!, conversation.Language)),
            ("payment", PaymentTemplateData.For(stored, settings)));
        conversation.Send(outcome switch
        {
            Results.AutoConfirmed => MessageTemplateKeys.PaymentConfirmed,
            Results.Unreadable => MessageTemplateKeys.PaymentReceiptUnreadable,
            _ => MessageTemplateKeys.PaymentReceiptReceived,
        }, data);
        return ActivityResult.Outcome(outcome, new Dictionary<string, object?>
        {
            ["score"] = (decimal)Math.Round(record.Score, 3),
            ["verdict"] = record.Verdict,
            ["reasons"] = record.Reasons.Select(r => (object?)r.Message).ToList(),
        });
    }

    private static string Name(string pascal) => SnakeCase.Of(pascal);
}
