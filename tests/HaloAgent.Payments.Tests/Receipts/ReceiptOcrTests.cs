using HaloAgent.Payments.Receipts;
using HaloAgent.Payments.References;
using HaloAgent.Payments.Tests.Support;

namespace HaloAgent.Payments.Tests.Receipts;

/// <summary>
/// Real OCR: receipts drawn as SVG, rendered to PNG with rsvg-convert (Noto Sans) and read by Debian's tesseract.
/// </summary>
public sealed class ReceiptOcrTests
{
    private static readonly DateTimeOffset OrderCreatedAt = new(2026, 3, 14, 10, 30, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 11, 0, 0, TimeSpan.FromHours(1));

    private readonly ReceiptOptions _options = new();
    private readonly ReceiptAnalyzer _analyzer;
    private readonly ReceiptMatcher _matcher;

    public ReceiptOcrTests()
    {
        var options = new FixedOptions<ReceiptOptions>(_options);
        _analyzer = new ReceiptAnalyzer(new ReceiptOcr(options), new ReceiptTextParser(PaymentReferenceFormat.Default));
        _matcher = new ReceiptMatcher(options);
    }

    public static TheoryData<string> Banks => ["GTBank", "OPay", "Moniepoint", "Kuda"];

    private static ReceiptSvg Layout(string bank) => bank switch
    {
        "GTBank" => SampleReceipts.GtBank(),
        "OPay" => SampleReceipts.OPay(),
        "Moniepoint" => SampleReceipts.Moniepoint(),
        "Kuda" => SampleReceipts.Kuda(),
        _ => throw new ArgumentOutOfRangeException(nameof(bank)),
    };

    [Theory]
    [MemberData(nameof(Banks))]
    public async Task A_rendered_receipt_is_read_and_matches_its_order(string bank)
    {
        var png = await Tool.RenderPngAsync(Layout(bank).ToSvg());

        var analysis = await _analyzer.AnalyzeAsync(png, CancellationToken.None);

        analysis.IsReadable.ShouldBeTrue(analysis.RawText);
        analysis.Fields.AmountKobo.ShouldBe(SampleReceipts.AmountKobo, analysis.RawText);
        analysis.Fields.PaidAt.ShouldNotBeNull(analysis.RawText);
        analysis.Fields.PaidAt.Value.ShouldBe(SampleReceipts.PaidAt, TimeSpan.FromMinutes(1), analysis.RawText);
        analysis.Fields.PaymentReferences.ShouldContain(SampleReceipts.Reference, analysis.RawText);
        analysis.Fields.Bank.ShouldBe(bank, analysis.RawText);
        analysis.Fields.RecipientName.ShouldBe("MAMA NKECHI KITCHEN", analysis.RawText);
        analysis.OcrConfidence.ShouldBeGreaterThan(0.8);
        analysis.Confidence.ShouldBeGreaterThan(0.7);
        analysis.ImageSha256.ShouldBe(ImageHash.Sha256Hex(png));

        var assessment = _matcher.Assess(analysis, new ExpectedPayment(SampleReceipts.AmountKobo, SampleReceipts.Reference, OrderCreatedAt, Now, ["HLO-ABCDE"]));
        assessment.Verdict.ShouldBe(ReceiptVerdict.LikelyMatch, string.Join("; ", assessment.Reasons));
        assessment.Score.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public async Task Names_references_and_the_recipients_bank_come_through_ocr()
    {
        var png = await Tool.RenderPngAsync(SampleReceipts.GtBank().ToSvg());

        var fields = (await _analyzer.AnalyzeAsync(png, CancellationToken.None)).Fields;

        fields.SenderName.ShouldBe("ADAEZE OKAFOR");
        fields.RecipientBank.ShouldBe("Moniepoint");
        fields.SessionId.ShouldBe("000013260314104212345678901234");
        fields.Status.ShouldBe(ReceiptStatus.Successful);
    }

    [Fact]
    public async Task A_blurred_receipt_is_unreadable_and_never_guessed()
    {
        var png = await Tool.RenderPngAsync(SampleReceipts.GtBank().ToSvg(blur: 9));

        var analysis = await _analyzer.AnalyzeAsync(png, CancellationToken.None);
        var assessment = _matcher.Assess(analysis, new ExpectedPayment(SampleReceipts.AmountKobo, SampleReceipts.Reference, OrderCreatedAt, Now));

        analysis.IsReadable.ShouldBeFalse(analysis.RawText);
        analysis.Confidence.ShouldBeLessThan(0.2);
        assessment.Verdict.ShouldBe(ReceiptVerdict.Unreadable);
        assessment.Score.ShouldBe(0);
    }

    [Fact]
    public async Task An_image_without_text_is_unreadable()
    {
        var png = await Tool.RenderPngAsync(ReceiptSvg.Shapes());

        var analysis = await _analyzer.AnalyzeAsync(png, CancellationToken.None);

        analysis.IsReadable.ShouldBeFalse(analysis.RawText);
        analysis.Confidence.ShouldBeLessThan(0.2);
        analysis.Fields.AmountKobo.ShouldBeNull();
        _matcher.Assess(analysis, new ExpectedPayment(SampleReceipts.AmountKobo, SampleReceipts.Reference, OrderCreatedAt, Now))
            .Verdict.ShouldBe(ReceiptVerdict.Unreadable);
    }

    [Fact]
    public async Task The_same_image_has_the_same_hash_and_a_different_one_does_not()
    {
        var first = await Tool.RenderPngAsync(SampleReceipts.Kuda().ToSvg());
        var again = first.ToArray();
        var other = await Tool.RenderPngAsync(SampleReceipts.OPay().ToSvg());

        ImageHash.Sha256Hex(again).ShouldBe(ImageHash.Sha256Hex(first));
        ImageHash.Sha256Hex(other).ShouldNotBe(ImageHash.Sha256Hex(first));
        ImageHash.Sha256Hex("abc"u8).ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_gives_a_clear_error()
    {
        var error = await Should.ThrowAsync<ReceiptOcrException>(() =>
            _analyzer.AnalyzeAsync("%PDF-1.7 this is not a picture\n"u8.ToArray(), CancellationToken.None));

        error.Failure.ShouldBe(ReceiptOcrFailure.NotAnImage);
        error.Message.ShouldContain("not an image");
    }

    [Fact]
    public async Task An_empty_file_gives_a_clear_error()
    {
        var error = await Should.ThrowAsync<ReceiptOcrException>(() => _analyzer.AnalyzeAsync(Array.Empty<byte>(), CancellationToken.None));
        error.Failure.ShouldBe(ReceiptOcrFailure.NotAnImage);
    }

    [Fact]
    public async Task A_truncated_image_is_reported_by_tesseract_not_hidden()
    {
        var png = await Tool.RenderPngAsync(SampleReceipts.Kuda().ToSvg());

        var error = await Should.ThrowAsync<ReceiptOcrException>(() => _analyzer.AnalyzeAsync(png.AsMemory(0, 40), CancellationToken.None));

        error.Failure.ShouldBe(ReceiptOcrFailure.NotAnImage);
        error.Message.ShouldContain("Tesseract failed");
    }

    [Fact]
    public async Task A_missing_tesseract_gives_a_clear_error()
    {
        var options = new FixedOptions<ReceiptOptions>(new ReceiptOptions { TesseractPath = "/nonexistent/tesseract" });
        var ocr = new ReceiptOcr(options);
        var png = await Tool.RenderPngAsync(ReceiptSvg.Shapes());

        var error = await Should.ThrowAsync<ReceiptOcrException>(() => ocr.ReadAsync(png, CancellationToken.None));

        error.Failure.ShouldBe(ReceiptOcrFailure.ToolMissing);
        error.Message.ShouldContain("apt-get install tesseract-ocr");
    }

    [Fact]
    public async Task A_cancelled_read_stops_the_process_and_throws_cancellation()
    {
        var png = await Tool.RenderPngAsync(SampleReceipts.GtBank().ToSvg());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => new ReceiptOcr(new FixedOptions<ReceiptOptions>(_options)).ReadAsync(png, cancelled.Token));
    }

    [Fact]
    public async Task A_read_that_exceeds_the_timeout_is_reported_as_such()
    {
        // A fake "tesseract" that never finishes in time: the OCR must kill it and say so.
        var script = Path.Combine(Directory.CreateTempSubdirectory("halo-payments-test-").FullName, "slow-tesseract");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nexec sleep 30\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }
        var ocr = new ReceiptOcr(new FixedOptions<ReceiptOptions>(new ReceiptOptions { TesseractPath = script, Timeout = TimeSpan.FromMilliseconds(300) }));
        var png = await Tool.RenderPngAsync(ReceiptSvg.Shapes());

        var error = await Should.ThrowAsync<ReceiptOcrException>(() => ocr.ReadAsync(png, CancellationToken.None));

        error.Failure.ShouldBe(ReceiptOcrFailure.TimedOut);
        Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
    }

    [Fact]
    public void Tesseract_tsv_becomes_lines_and_word_confidences()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "1\t1\t0\t0\t0\t0\t0\t0\t720\t1000\t-1\t\n"
            + "5\t1\t1\t1\t1\t1\t42\t45\t152\t30\t91.5\tGTBank\n"
            + "5\t1\t2\t1\t1\t1\t40\t178\t161\t22\t96.5\tTransaction\n"
            + "5\t1\t2\t1\t1\t2\t214\t178\t100\t29\t96.7\tReceipt\n"
            + "5\t1\t2\t1\t2\t1\t40\t245\t245\t41\t40\t#18,000.00\n"
            + "5\t1\t2\t1\t2\t2\t40\t245\t245\t41\t95\t \n";

        var result = ReceiptOcr.ParseTsv(tsv);

        result.Text.ShouldBe("GTBank\n\nTransaction Receipt\n#18,000.00");
        result.Words.Count.ShouldBe(4);
        result.Words[3].ShouldBe(new OcrWord("#18,000.00", 0.4, 2));
        result.SureWordCount.ShouldBe(3);
        result.MeanConfidence.ShouldBeInRange(0.7, 0.8);
    }
}
