using System.Globalization;
using System.Text;
using HaloAgent.Payments.Processes;
using Microsoft.Extensions.Options;

namespace HaloAgent.Payments.Receipts;

/// <summary>
/// OCR through Debian's <c>tesseract</c> CLI (the Tesseract NuGet package does not restore here), one process per image
/// with a timeout. Its TSV output gives the text and each word's confidence in a single run.
/// </summary>
public sealed class ReceiptOcr(IOptionsMonitor<ReceiptOptions> options)
{
    /// <summary>
    /// Reads <paramref name="image"/>. Throws <see cref="ReceiptOcrException"/> when the bytes are not an image, tesseract
    /// is missing, fails or times out; <see cref="OperationCanceledException"/> when cancelled (the process is killed).
    /// </summary>
    public async Task<OcrResult> ReadAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (image.IsEmpty)
        {
            throw new ReceiptOcrException(ReceiptOcrFailure.NotAnImage, "The receipt file is empty.");
        }

        if (image.Length > current.MaxImageBytes)
        {
            throw new ReceiptOcrException(ReceiptOcrFailure.NotAnImage,
                $"The receipt image is {image.Length:N0} bytes; the limit is {current.MaxImageBytes:N0}.");
        }

        var extension = ImageSniffer.Extension(image.Span)
            ?? throw new ReceiptOcrException(ReceiptOcrFailure.NotAnImage, "The receipt file is not an image (expected PNG, JPEG, GIF, BMP, TIFF or WebP).");

        using var scratch = new TempDirectory();
        var path = scratch.File("receipt" + extension);
        await File.WriteAllBytesAsync(path, image.ToArray(), cancellationToken).ConfigureAwait(false);

        // --psm 3: automatic layout. Receipts are label/value columns; tesseract's block detection keeps a row together.
        string[] arguments = [path, "stdout", "-l", current.Languages, "--psm", "3", "tsv"];
        var (outcome, result) = await ExternalProcess.RunAsync(current.TesseractPath, arguments, current.Timeout, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case ProcessOutcome.NotFound:
                throw new ReceiptOcrException(ReceiptOcrFailure.ToolMissing,
                    $"Tesseract was not found at '{current.TesseractPath}': install it (apt-get install tesseract-ocr) or set {ReceiptOptions.Section}:TesseractPath.");
            case ProcessOutcome.TimedOut:
                throw new ReceiptOcrException(ReceiptOcrFailure.TimedOut, $"Tesseract took longer than {current.Timeout} on the receipt image.");
        }

        if (result!.ExitCode != 0)
        {
            var error = result.StandardError.Trim();
            throw new ReceiptOcrException(
                error.Contains("cannot be read", StringComparison.OrdinalIgnoreCase) || error.Contains("pixRead", StringComparison.Ordinal)
                    ? ReceiptOcrFailure.NotAnImage
                    : ReceiptOcrFailure.ToolFailed,
                $"Tesseract failed (exit {result.ExitCode}): {(error.Length > 300 ? error[..300] : error)}");
        }

        return ParseTsv(result.StandardOutput);
    }

    /// <summary>
    /// Tesseract's TSV: <c>level page block par line word left top width height conf text</c>. Level 5 rows are words;
    /// a new (block, paragraph, line) starts a new text line, a new block an empty line between.
    /// </summary>
    internal static OcrResult ParseTsv(string tsv)
    {
        var text = new StringBuilder();
        var words = new List<OcrWord>();
        (string Block, string Paragraph, string Line)? previous = null;
        var lineIndex = -1;
        var currentLine = new StringBuilder();

        void FlushLine()
        {
            if (currentLine.Length > 0)
            {
                text.Append(currentLine).Append('\n');
                currentLine.Clear();
            }
        }

        foreach (var row in tsv.Split('\n'))
        {
            var columns = row.TrimEnd('\r').Split('\t');
            if (columns.Length < 12 || columns[0] != "5")
            {
                continue;
            }

            var word = columns[11].Trim();
            if (word.Length == 0 || !double.TryParse(columns[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) || confidence < 0)
            {
                continue;
            }

            var key = (columns[2], columns[3], columns[4]);
            if (previous != key)
            {
                FlushLine();
                if (previous is { } before && before.Block != key.Item1 && text.Length > 0)
                {
                    text.Append('\n');
                }

                previous = key;
                lineIndex++;
            }

            if (currentLine.Length > 0)
            {
                currentLine.Append(' ');
            }

            currentLine.Append(word);
            words.Add(new OcrWord(word, Math.Clamp(confidence / 100.0, 0, 1), lineIndex));
        }

        FlushLine();
        return new OcrResult(text.ToString().TrimEnd('\n'), words);
    }
}
