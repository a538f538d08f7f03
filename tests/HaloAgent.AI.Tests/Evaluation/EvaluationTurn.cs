namespace HaloAgent.AI.Tests.Evaluation;

/// <summary>One line of <c>turns.tsv</c>: what a customer wrote, what the agent had just asked, and what it means.</summary>
public sealed record EvaluationTurn(
    string Language, string? Awaiting, string Text, Intent Intent, IReadOnlyList<(string Sku, int Quantity)> Items, Fulfilment? Fulfilment, string SpeakerChecked)
{
    public static IReadOnlyList<EvaluationTurn> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Evaluation", "turns.tsv");
        var turns = new List<EvaluationTurn>();
        var header = true;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 7)
            {
                throw new InvalidDataException($"turns.tsv: 7 tab-separated cells expected in '{line}'.");
            }

            turns.Add(new EvaluationTurn(
                cells[0],
                cells[1].Length == 0 ? null : cells[1],
                cells[2],
                Enum.Parse<Intent>(cells[3]),
                ParseItems(cells[4]),
                cells[5].Length == 0 ? null : Enum.Parse<Fulfilment>(cells[5]),
                cells[6]));
        }

        return turns;
    }

    /// <summary>Intent, items with quantities (none said counts as one, as the cart does) and fulfilment all match.</summary>
    public bool Matches(Understanding got) =>
        got.Intent == Intent
        && got.Fulfilment == Fulfilment
        && got.Items.Select(i => (i.Sku, i.Quantity ?? 1)).OrderBy(i => i.Sku, StringComparer.Ordinal)
            .SequenceEqual(Items.OrderBy(i => i.Sku, StringComparer.Ordinal));

    public override string ToString() =>
        $"[{Language}{(Awaiting is null ? "" : "/" + Awaiting)}] \"{Text}\" → {Intent} [{string.Join(";", Items.Select(i => $"{i.Sku}:{i.Quantity}"))}] {Fulfilment}";

    private static List<(string Sku, int Quantity)> ParseItems(string cell) =>
        cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.Split(':') is [var sku, var quantity] ? (sku, int.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture)) : (item, 1))
            .ToList();
}
