namespace HaloAgent.Payments.Receipts;

/// <summary>How well a receipt fits an order: a score in 0..1, a verdict and the reasons behind both.</summary>
public sealed record ReceiptAssessment(double Score, ReceiptVerdict Verdict, IReadOnlyList<ReceiptReason> Reasons)
{
    public bool HasRedFlags => Reasons.Any(r => r.IsRedFlag);

    public bool Has(ReceiptReasonCode code) => Reasons.Any(r => r.Code == code);
}
