using HaloAgent.Payments.Receipts;
using HaloAgent.Payments.References;

namespace HaloAgent.Payments.Tests.Receipts;

/// <summary>Texts as tesseract returns them from real-looking receipts, with its usual mistakes.</summary>
public sealed class ReceiptTextParserTests
{
    private static readonly TimeSpan Wat = TimeSpan.FromHours(1);
    private readonly ReceiptTextParser _parser = new(PaymentReferenceFormat.Default);

    [Fact]
    public void GTBank_receipt()
    {
        var fields = _parser.Parse("""
            GTBank
            Transaction Receipt
            #18,000.00
            Transaction Date 14 Mar 2026, 10:42 AM
            Sender ADAEZE OKAFOR
            Beneficiary MAMA NKECHI KITCHEN
            Beneficiary Bank Moniepoint
            Narration HLO-7K2Q9
            Session ID
            000013260314104212345678901234
            Status Successful
            """);

        fields.AmountKobo.ShouldBe(1_800_000);
        fields.AmountText.ShouldBe("#18,000.00");
        fields.PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 10, 42, 0, Wat));
        fields.HasTime.ShouldBeTrue();
        fields.Bank.ShouldBe("GTBank");
        fields.RecipientBank.ShouldBe("Moniepoint");
        fields.SenderName.ShouldBe("ADAEZE OKAFOR");
        fields.RecipientName.ShouldBe("MAMA NKECHI KITCHEN");
        fields.PaymentReferences.ShouldBe(["HLO-7K2Q9"]);
        fields.SessionId.ShouldBe("000013260314104212345678901234");
        fields.Status.ShouldBe(ReceiptStatus.Successful);
    }

    [Fact]
    public void OPay_receipt_with_N_for_naira_and_an_ordinal_date()
    {
        var fields = _parser.Parse("""
            OPay
            Transfer Successful
            N18,000.00
            Recipient Details MAMA NKECHI KITCHEN
            Moniepoint MFB | 8012345678
            Sender Details ADAEZE OKAFOR
            OPay | 903***4521
            Transaction No. 260314010100987654
            Transaction Date Mar 14th, 2026 10:42:11
            Remark payment hlo 7k2q9
            """);

        fields.AmountKobo.ShouldBe(1_800_000);
        fields.PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 10, 42, 11, Wat));
        fields.Bank.ShouldBe("OPay");
        fields.RecipientBank.ShouldBe("Moniepoint");
        fields.RecipientName.ShouldBe("MAMA NKECHI KITCHEN");
        fields.SenderName.ShouldBe("ADAEZE OKAFOR");
        fields.TransactionReference.ShouldBe("260314010100987654");
        fields.PaymentReferences.ShouldBe(["HLO-7K2Q9"]);
        fields.Status.ShouldBe(ReceiptStatus.Successful);
    }

    [Fact]
    public void Moniepoint_receipt_with_NGN_and_day_first_numeric_date()
    {
        var fields = _parser.Parse("""
            Moniepoint
            Transaction Details
            Amount NGN18000
            Date 14/03/2026 10:42
            From ADAEZE OKAFOR
            To MAMA NKECHI KITCHEN
            Bank Access Bank
            Reference MNP2603141042001
            Narration HLO-7K2Q9
            Status Successful
            """);

        fields.AmountKobo.ShouldBe(1_800_000);
        fields.PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 10, 42, 0, Wat));
        fields.Bank.ShouldBe("Moniepoint");
        fields.RecipientBank.ShouldBe("Access Bank");
        fields.SenderName.ShouldBe("ADAEZE OKAFOR");
        fields.RecipientName.ShouldBe("MAMA NKECHI KITCHEN");
        fields.TransactionReference.ShouldBe("MNP2603141042001");
        fields.PaymentReferences.ShouldBe(["HLO-7K2Q9"]);
    }

    [Fact]
    public void Access_receipt_with_label_and_value_on_separate_lines_and_a_fee()
    {
        var fields = _parser.Parse("""
            Access Bank
            Transaction Receipt
            Amount
            ₦ 18,000
            Fee
            ₦10.75
            Transaction Date
            Saturday, 14 March 2026
            Time
            4:05 PM
            Beneficiary Name
            MAMA NKECHI KITCHEN
            Beneficiary Account Number
            8012345678
            Sender's Name
            ADAEZE OKAFOR
            Transaction Reference
            ACC/2026/03/14/0091234
            Remark
            HLO-7K2Q9
            """);

        fields.AmountKobo.ShouldBe(1_800_000);
        fields.AmountText.ShouldBe("₦ 18,000");
        fields.PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 16, 5, 0, Wat));
        fields.HasTime.ShouldBeTrue();
        fields.Bank.ShouldBe("Access Bank");
        fields.RecipientName.ShouldBe("MAMA NKECHI KITCHEN");
        fields.SenderName.ShouldBe("ADAEZE OKAFOR");
        fields.TransactionReference.ShouldBe("ACC/2026/03/14/0091234");
    }

    [Fact]
    public void Kuda_receipt_that_says_you_sent_x_to_y()
    {
        var fields = _parser.Parse("""
            kuda.
            Money Sent
            You sent ₦18,000 to MAMA NKECHI KITCHEN
            2026-03-14 10:42
            Reference KUD-88412907
            Description HLO-7K2Q9
            """);

        fields.AmountKobo.ShouldBe(1_800_000);
        fields.PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 10, 42, 0, Wat));
        fields.Bank.ShouldBe("Kuda");
        fields.RecipientName.ShouldBe("MAMA NKECHI KITCHEN");
        fields.TransactionReference.ShouldBe("KUD-88412907");
        fields.PaymentReferences.ShouldBe(["HLO-7K2Q9"]);
    }

    [Theory]
    [InlineData("₦18,000.00", 1_800_000)]
    [InlineData("₦ 18,000", 1_800_000)]
    [InlineData("N18,000.00", 1_800_000)]
    [InlineData("NGN18000", 1_800_000)]
    [InlineData("NGN 18,000.00", 1_800_000)]
    [InlineData("#18,000.00", 1_800_000)]
    [InlineData("¥18,000.00", 1_800_000)]
    [InlineData("H18,000.00", 1_800_000)]
    [InlineData("=N=18,000", 1_800_000)]
    [InlineData("18,000.00", 1_800_000)]
    [InlineData("N18, 000.00", 1_800_000)]
    [InlineData("₦1,234,567.50", 123_456_750)]
    [InlineData("N250.5O", 25_000)]
    [InlineData("-₦18,000.00", 1_800_000)]
    public void Amounts_as_OCR_prints_them(string printed, long kobo)
    {
        _parser.Parse($"Transfer Successful\n{printed}\nStatus Successful").AmountKobo.ShouldBe(kobo);
    }

    [Theory]
    [InlineData("Amount: 18,000", 1_800_000)]
    [InlineData("Amount Paid 18000", 1_800_000)]
    [InlineData("Total Amount NGN 18,000.00", 1_800_000)]
    public void A_labelled_amount_needs_no_currency_sign(string line, long kobo) =>
        _parser.Parse(line).AmountKobo.ShouldBe(kobo);

    [Fact]
    public void Fees_balances_and_account_numbers_are_not_the_amount()
    {
        var fields = _parser.Parse("""
            Transfer Successful
            Fee ₦50,000.00
            Available Balance ₦250,300.00
            Account #0123456789
            ₦18,000.00
            """);

        fields.AmountKobo.ShouldBe(1_800_000);
    }

    [Fact]
    public void A_naira_sign_read_as_a_digit_is_undone_by_the_marked_amount()
    {
        var fields = _parser.Parse("""
            Money Sent
            #18,000.00
            You sent 818,000 to MAMA NKECHI KITCHEN
            """);

        fields.AmountKobo.ShouldBe(1_800_000);
    }

    [Fact]
    public void Bare_numbers_without_a_label_or_currency_are_not_guessed()
    {
        var fields = _parser.Parse("""
            Order 18000
            Call 08031234567
            """);

        fields.AmountKobo.ShouldBeNull();
    }

    [Theory]
    [InlineData("Date: 14/03/2026 10:42", 2026, 3, 14, 10, 42, true)]
    [InlineData("Date: 14-03-26 22:10", 2026, 3, 14, 22, 10, true)]
    [InlineData("Date: 2026-03-14T10:42:05", 2026, 3, 14, 10, 42, true)]
    [InlineData("Date: March 14, 2026 at 4:05 pm", 2026, 3, 14, 16, 5, true)]
    [InlineData("Date: 14th Mar 2026 | 12:15 AM", 2026, 3, 14, 0, 15, true)]
    [InlineData("Date: 03/25/2026 09:00", 2026, 3, 25, 9, 0, true)]
    [InlineData("Date: 14 March 2026", 2026, 3, 14, 0, 0, false)]
    public void Dates_in_the_shapes_bank_apps_print(string line, int y, int mo, int d, int h, int mi, bool hasTime)
    {
        var fields = _parser.Parse(line);
        fields.PaidAt.ShouldBe(new DateTimeOffset(y, mo, d, h, mi, fields.PaidAt!.Value.Second, Wat));
        fields.HasTime.ShouldBe(hasTime);
    }

    [Fact]
    public void An_impossible_date_is_not_a_date() =>
        _parser.Parse("Date: 31/02/2026 10:00").PaidAt.ShouldBeNull();

    [Fact]
    public void Receipt_times_are_read_in_the_configured_zone()
    {
        var utc = new ReceiptTextParser(PaymentReferenceFormat.Default, TimeSpan.Zero);
        utc.Parse("Date 14/03/2026 10:42").PaidAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 10, 42, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("Transfer Failed", ReceiptStatus.Failed)]
    [InlineData("Status: Reversed", ReceiptStatus.Failed)]
    [InlineData("Status Pending", ReceiptStatus.Pending)]
    [InlineData("Transaction Successful", ReceiptStatus.Successful)]
    [InlineData("Amount ₦18,000\nIf this transaction failed or you were debited twice please contact us", ReceiptStatus.Unknown)]
    public void The_status_the_receipt_itself_shows(string text, ReceiptStatus status) =>
        _parser.Parse(text).Status.ShouldBe(status);

    [Fact]
    public void Several_of_our_references_are_all_reported()
    {
        _parser.Parse("Narration HLO-7K2Q9 HLO-ABCDE").PaymentReferences.ShouldBe(["HLO-7K2Q9", "HLO-ABCDE"]);
    }

    [Fact]
    public void Text_that_is_no_receipt_gives_empty_fields()
    {
        var fields = _parser.Parse("Jollof rice special\nFried plantain\nChapman");

        fields.AmountKobo.ShouldBeNull();
        fields.PaidAt.ShouldBeNull();
        fields.Bank.ShouldBeNull();
        fields.SenderName.ShouldBeNull();
        fields.RecipientName.ShouldBeNull();
        fields.PaymentReferences.ShouldBeEmpty();
        fields.ReceiptWordCount.ShouldBe(0);
        _parser.Parse(null).ShouldBe(ReceiptFields.Empty);
    }
}
