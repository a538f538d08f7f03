namespace HaloAgent.Payments.Receipts;

/// <summary>One word tesseract recognised, its confidence (0..1) and the line it belongs to (0-based, in reading order).</summary>
public sealed record OcrWord(string Text, double Confidence, int Line);
