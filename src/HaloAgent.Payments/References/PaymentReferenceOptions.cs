namespace HaloAgent.Payments.References;

/// <summary>Bound from configuration section <c>HaloAgent:Payments:References</c>.</summary>
public sealed class PaymentReferenceOptions
{
    public const string Section = "HaloAgent:Payments:References";

    /// <summary>Letters before the dash, e.g. <c>HLO</c> in <c>HLO-7K2Q9</c>.</summary>
    public string Prefix { get; set; } = PaymentReferenceFormat.DefaultPrefix;

    /// <summary>
    /// Random characters after the dash. 5 gives 31^5 ≈ 28.6 million codes: short enough to type from a phone, and a
    /// guessed code hits one of a small business's open orders with negligible odds.
    /// </summary>
    public int CodeLength { get; set; } = PaymentReferenceFormat.DefaultCodeLength;
}
