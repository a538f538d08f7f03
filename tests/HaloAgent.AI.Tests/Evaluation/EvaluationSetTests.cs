using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace HaloAgent.AI.Tests.Evaluation;

/// <summary>
/// Runs the built-in NLU over every customer turn in <c>turns.tsv</c> and fails when a language's accuracy drops under
/// its floor. A turn counts as right when the intent, the items with their quantities and the fulfilment all match.
/// </summary>
public sealed class EvaluationSetTests(ITestOutputHelper output)
{
    /// <summary>Set just under what the NLU reaches today (see README, "Understanding: evaluation"): a drop fails CI.</summary>
    private static readonly IReadOnlyDictionary<string, double> Floors = new Dictionary<string, double>
    {
        ["en"] = 0.98,
        ["pcm"] = 0.96,
        ["yo"] = 0.98,
        ["ig"] = 0.98,
        ["ha"] = 0.98,
    };

    [Fact]
    public async Task Every_language_stays_above_its_accuracy_floor()
    {
        var turns = EvaluationTurn.Load();
        turns.Count.ShouldBeGreaterThanOrEqualTo(300);
        var nlu = new RuleBasedUnderstanding();
        var results = new List<(EvaluationTurn Turn, Understanding Got, bool Right)>();
        foreach (var turn in turns)
        {
            var got = await nlu.UnderstandAsync(
                new UnderstandRequest(turn.Text, turn.Language, EvaluationCatalog.Entries) { AwaitingSlot = turn.Awaiting },
                CancellationToken.None);
            results.Add((turn, got, turn.Matches(got)));
        }

        var report = new StringBuilder();
        report.AppendLine("| language | turns | right | accuracy | floor |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var group in results.GroupBy(r => r.Turn.Language))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Count(r => r.Right)} | {Percent(group)} | {Floors[group.Key]:P0} |");
        }

        report.AppendLine().AppendLine("| intent | turns | accuracy |").AppendLine("| --- | --- | --- |");
        foreach (var group in results.GroupBy(r => r.Turn.Intent).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {Percent(group)} |");
        }

        report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"All: {results.Count(r => r.Right)} of {results.Count} ({Percent(results)}).");
        foreach (var (turn, got, _) in results.Where(r => !r.Right))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"MISS {turn}: got {got.Intent} [{string.Join(";", got.Items.Select(i => $"{i.Sku}:{i.Quantity}"))}] {got.Fulfilment}");
        }

        output.WriteLine(report.ToString());
        foreach (var group in results.GroupBy(r => r.Turn.Language))
        {
            var accuracy = group.Count(r => r.Right) / (double)group.Count();
            accuracy.ShouldBeGreaterThanOrEqualTo(Floors[group.Key], $"{group.Key} fell under its floor:\n{report}");
        }
    }

    [Fact]
    public void The_set_covers_every_language_and_marks_what_a_speaker_checked()
    {
        var turns = EvaluationTurn.Load();
        turns.Select(t => t.Language).Distinct().Order().ShouldBe(["en", "ha", "ig", "pcm", "yo"]);
        turns.GroupBy(t => t.Language).ShouldAllBe(g => g.Count() >= 60);
        turns.ShouldAllBe(t => t.SpeakerChecked == "no" || t.SpeakerChecked == "yes");
    }

    private static string Percent(IEnumerable<(EvaluationTurn Turn, Understanding Got, bool Right)> group)
    {
        var list = group.ToList();
        return (list.Count(r => r.Right) / (double)list.Count).ToString("P1", CultureInfo.InvariantCulture);
    }
}
