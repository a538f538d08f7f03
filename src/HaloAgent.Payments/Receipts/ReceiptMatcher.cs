using System.Globalization;
using Microsoft.Extensions.Options;
using HaloAgent.Platform.Money;

namespace HaloAgent.Payments.Receipts;

/// <summary>
/// Scores a read receipt against the order it claims to pay. A receipt never marks an order paid: the result is
/// evidence for the owner (or for <see cref="ReceiptAutoConfirmPolicy"/>, when the business opted in).
/// </summary>
/// <remarks>
/// Evidence weights: the exact amount 0.55, our payment reference 0.25, a date between the order and now 0.20; the sum
/// is scaled by OCR confidence (×0.85 at worst). Any red flag (wrong amount, another order's or an unknown reference,
/// date before the order / too old / in the future, reused image, failed or pending transfer) makes the verdict
/// <see cref="ReceiptVerdict.Mismatch"/> and caps the score at 0.25. Unreadable receipts score 0.
/// </remarks>
public sealed class ReceiptMatcher(IOptionsMonitor<ReceiptOptions> options)
{
    public const double AmountWeight = 0.55;
    public const double ReferenceWeight = 0.25;
    public const double DateWeight = 0.20;
    public const double FlaggedScoreCap = 0.25;

    public ReceiptAssessment Assess(ReceiptAnalysis receipt, ExpectedPayment expected)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(expected);
        var settings = options.CurrentValue;
        var reasons = new List<ReceiptReason>();

        if (expected.ImageAlreadyUsed)
        {
            reasons.Add(Flag(ReceiptReasonCode.ImageReused, "This exact image was already sent as the receipt for another order."));
        }

        if (!receipt.IsReadable)
        {
            reasons.Insert(0, new ReceiptReason(ReceiptReasonCode.Unreadable, false,
                "No legible payment receipt in this image (blurred, cropped or not a receipt): ask for a clear screenshot or check the account."));
            return new ReceiptAssessment(0, ReceiptVerdict.Unreadable, reasons);
        }

        var fields = receipt.Fields;
        var evidence = 0.0;
        evidence += AssessAmount(fields, expected, reasons);
        evidence += AssessReference(fields, expected, reasons);
        evidence += AssessDate(fields, expected, settings, reasons);

        if (fields.Status is ReceiptStatus.Failed or ReceiptStatus.Pending)
        {
            reasons.Add(Flag(ReceiptReasonCode.TransferNotSuccessful,
                $"The receipt says the transfer is {(fields.Status == ReceiptStatus.Failed ? "failed or reversed" : "still pending")}."));
        }

        var score = Math.Clamp(evidence, 0, 1) * (0.85 + 0.15 * Math.Clamp(receipt.OcrConfidence, 0, 1));
        ReceiptVerdict verdict;
        if (reasons.Any(r => r.IsRedFlag))
        {
            score = Math.Min(score, FlaggedScoreCap);
            verdict = ReceiptVerdict.Mismatch;
        }
        else
        {
            verdict = reasons.Any(r => r.Code == ReceiptReasonCode.AmountMatches) && score >= settings.LikelyMatchScore
                ? ReceiptVerdict.LikelyMatch
                : ReceiptVerdict.NeedsReview;
        }

        return new ReceiptAssessment(Math.Round(score, 3), verdict, reasons);
    }

    private static double AssessAmount(ReceiptFields fields, ExpectedPayment expected, List<ReceiptReason> reasons)
    {
        if (fields.AmountKobo is not { } amount)
        {
            reasons.Add(Info(ReceiptReasonCode.AmountMissing, $"No amount could be read; the order total is {Naira.Format(expected.AmountKobo)}."));
            return 0;
        }

        if (amount != expected.AmountKobo)
        {
            reasons.Add(Flag(ReceiptReasonCode.AmountMismatch,
                $"The receipt shows {Naira.Format(amount)} but the order total is {Naira.Format(expected.AmountKobo)} ({(amount < expected.AmountKobo ? "short by " + Naira.Format(expected.AmountKobo - amount) : "over by " + Naira.Format(amount - expected.AmountKobo))})."));
            return 0;
        }

        reasons.Add(Info(ReceiptReasonCode.AmountMatches, $"The amount {Naira.Format(amount)} matches the order total."));
        return AmountWeight;
    }

    private static double AssessReference(ReceiptFields fields, ExpectedPayment expected, List<ReceiptReason> reasons)
    {
        var found = fields.PaymentReferences;
        if (found.Count == 0)
        {
            // The reference is not a secret (the customer was sent it), only a way to tell orders apart: ours with one
            // character OCR could not read still points to this order, and a stranger's is not held against anyone.
            if (fields.BlurredPaymentReferences.Any(r => SameReference(r, expected.PaymentReference)))
            {
                reasons.Add(Info(ReceiptReasonCode.ReferenceMatches, $"The receipt shows the payment reference {expected.PaymentReference} (one character hard to read)."));
                return ReferenceWeight;
            }

            // But the customer's other order's is: confirming this one with it would settle the wrong order.
            if ((expected.OtherOrderReferences ?? []).FirstOrDefault(o => fields.BlurredPaymentReferences.Any(r => SameReference(r, o))) is { } otherOrder)
            {
                reasons.Add(Flag(ReceiptReasonCode.ReferenceOfAnotherOrder, $"The receipt carries {otherOrder} (one character hard to read), the reference of another order from this customer."));
                return 0;
            }

            reasons.Add(Info(ReceiptReasonCode.ReferenceMissing, $"The receipt does not show the payment reference {expected.PaymentReference}."));
            return 0;
        }

        var others = new HashSet<string>(expected.OtherOrderReferences ?? [], StringComparer.OrdinalIgnoreCase);
        var ours = found.Any(r => SameReference(r, expected.PaymentReference));
        var foreign = found.Where(r => !SameReference(r, expected.PaymentReference)).ToList();
        foreach (var reference in foreign)
        {
            reasons.Add(others.Contains(reference) || others.Any(o => SameReference(reference, o))
                ? Flag(ReceiptReasonCode.ReferenceOfAnotherOrder, $"The receipt carries {reference}, the reference of another order from this customer.")
                : Flag(ReceiptReasonCode.ReferenceUnknown, $"The receipt carries {reference}, which is not this customer's order reference."));
        }

        if (!ours)
        {
            return 0;
        }

        reasons.Add(Info(ReceiptReasonCode.ReferenceMatches, $"The receipt shows the payment reference {expected.PaymentReference}."));
        return ReferenceWeight;
    }

    private static double AssessDate(ReceiptFields fields, ExpectedPayment expected, ReceiptOptions settings, List<ReceiptReason> reasons)
    {
        if (fields.PaidAt is not { } paidAt)
        {
            reasons.Add(Info(ReceiptReasonCode.DateMissing, "No date could be read on the receipt."));
            return 0;
        }

        var tolerance = settings.ClockTolerance;
        var offset = paidAt.Offset;
        var shown = fields.HasTime ? paidAt.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) : paidAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var flagged = false;

        // With a time, compare instants; with a date only, compare calendar days in the receipt's zone.
        var beforeOrder = fields.HasTime
            ? paidAt < expected.OrderCreatedAt - tolerance
            : DateOnly.FromDateTime(paidAt.DateTime) < DateOnly.FromDateTime(expected.OrderCreatedAt.ToOffset(offset).DateTime);
        if (beforeOrder)
        {
            reasons.Add(Flag(ReceiptReasonCode.DateBeforeOrder, $"The receipt is dated {shown}, before the order was placed."));
            flagged = true;
        }

        var endOfShown = fields.HasTime ? paidAt : paidAt.AddDays(1);
        if (expected.Now - endOfShown > settings.MaxReceiptAge)
        {
            reasons.Add(Flag(ReceiptReasonCode.DateTooOld, string.Create(CultureInfo.InvariantCulture, $"The receipt is dated {shown}, more than {settings.MaxReceiptAge.TotalDays:0.#} days ago.")));
            flagged = true;
        }

        var inFuture = fields.HasTime
            ? paidAt > expected.Now + tolerance
            : DateOnly.FromDateTime(paidAt.DateTime) > DateOnly.FromDateTime(expected.Now.ToOffset(offset).DateTime);
        if (inFuture)
        {
            reasons.Add(Flag(ReceiptReasonCode.DateInFuture, $"The receipt is dated {shown}, which is in the future."));
            flagged = true;
        }

        if (flagged)
        {
            return 0;
        }

        reasons.Add(Info(ReceiptReasonCode.DateRecent, $"The receipt is dated {shown}, after the order was placed."));
        return DateWeight;
    }

    /// <summary>Equal, or equal once OCR's usual swaps inside the code are undone (S/5, Z/2, B/8, G/6); <c>?</c> (a character OCR could not read) matches any.</summary>
    private static bool SameReference(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != '?' && b[i] != '?' && Fold(char.ToUpperInvariant(a[i])) != Fold(char.ToUpperInvariant(b[i])))
            {
                return false;
            }
        }

        return true;

        static char Fold(char c) => c switch
        {
            '5' => 'S',
            '2' => 'Z',
            '8' => 'B',
            '6' => 'G',
            _ => c,
        };
    }

    private static ReceiptReason Flag(ReceiptReasonCode code, string message) => new(code, true, message);

    private static ReceiptReason Info(ReceiptReasonCode code, string message) => new(code, false, message);
}
