namespace HaloAgent.Payments.Receipts;

/// <summary>What OCR read: the text line by line, and every word with its confidence.</summary>
public sealed record OcrResult(string Text, IReadOnlyList<OcrWord> Words)
{
    /// <summary>Words this sure are counted as really read; below it tesseract is mostly guessing at texture.</summary>
    public const double SureWordConfidence = 0.6;

    public static OcrResult Empty { get; } = new("", []);

    /// <summary>Mean word confidence weighted by word length (long words carry the amounts and references); 0 when nothing was read.</summary>
    public double MeanConfidence
    {
        get
        {
            var weight = Words.Sum(w => w.Text.Length);
            return weight == 0 ? 0 : Words.Sum(w => w.Confidence * w.Text.Length) / weight;
        }
    }

    public int SureWordCount => Words.Count(w => w.Confidence >= SureWordConfidence);

    /// <summary>For text that did not come from OCR (a pasted bank alert): every word fully confident.</summary>
    public static OcrResult FromText(string text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var words = lines
            .SelectMany((line, index) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(word => new OcrWord(word, 1.0, index)))
            .ToList();
        return new OcrResult(text ?? "", words);
    }
}
