namespace HaloAgent.Payments.Tests.Support;

/// <summary>The same ₦18,000 transfer for order HLO-7K2Q9 on 14 March 2026 at 10:42 WAT, as four bank apps show it.</summary>
public static class SampleReceipts
{
    public const long AmountKobo = 1_800_000;
    public const string Reference = "HLO-7K2Q9";
    public static readonly DateTimeOffset PaidAt = new(2026, 3, 14, 10, 42, 0, TimeSpan.FromHours(1));

    public static ReceiptSvg GtBank() =>
        new ReceiptSvg("GTBank", "#dd4f05", "Transaction Receipt", "₦18,000.00")
            .Row("Transaction Date", "14 Mar 2026, 10:42 AM")
            .Row("Sender", "ADAEZE OKAFOR")
            .Row("Beneficiary", "MAMA NKECHI KITCHEN")
            .Row("Beneficiary Bank", "Moniepoint")
            .Row("Narration", Reference)
            .Row("Session ID", "000013260314104212345678901234")
            .Row("Status", "Successful");

    public static ReceiptSvg OPay() =>
        new ReceiptSvg("OPay", "#1dcf9f", "Transfer Successful", "₦18,000.00")
            .Row("Recipient Details", "MAMA NKECHI KITCHEN")
            .Row("Recipient Bank", "Moniepoint MFB")
            .Row("Sender Details", "ADAEZE OKAFOR")
            .Row("Transaction No.", "260314010100987654")
            .Row("Transaction Date", "Mar 14th, 2026 10:42:11")
            .Row("Remark", "payment " + Reference);

    public static ReceiptSvg Moniepoint() =>
        new ReceiptSvg("Moniepoint", "#0357ee", "Transaction Details", null)
            .Row("Amount", "NGN 18,000.00")
            .Row("Date", "14/03/2026 10:42")
            .Row("From", "ADAEZE OKAFOR")
            .Row("To", "MAMA NKECHI KITCHEN")
            .Row("Bank", "Access Bank")
            .Row("Reference", "MNP2603141042001")
            .Row("Narration", Reference)
            .Row("Status", "Successful");

    public static ReceiptSvg Kuda() =>
        new ReceiptSvg("kuda", "#40196d", "Money Sent", "₦18,000.00")
            .Row("Date", "2026-03-14 10:42")
            .Row("Reference", "KUD-88412907")
            .Row("Description", Reference)
            .Note("You sent ₦18,000 to MAMA NKECHI KITCHEN")
            // The app's logo header is white on dark purple, which tesseract does not read; the footer names the bank.
            .Note("Kuda Microfinance Bank");
}
