using System.Globalization;

namespace HaloAgent.Chaos;

/// <summary>What one fault scenario measured: the three counts that must be zero, recovery time, and a readable log.</summary>
public sealed class ScenarioReport(string name)
{
    private readonly List<string> _lines = [];
    private readonly List<string> _problems = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Everything that should have held and did not (empty when the scenario passed).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Inbound messages that never got their reply.</summary>
    public int Lost { get; set; }

    /// <summary>Messages the customer received twice (a second Graph send of one outbox row).</summary>
    public int Duplicated { get; set; }

    /// <summary>Of <see cref="Duplicated"/>: sends Meta accepted in the moment before a SIGKILL, sent again after (the known gap).</summary>
    public int DuplicatedAtCrash { get; set; }

    /// <summary>When nodes were killed (SIGKILL), to tell the crash-window duplicates apart.</summary>
    public List<DateTimeOffset> Kills { get; } = [];

    /// <summary>Timers that fired more than once.</summary>
    public int DoubleFired { get; set; }

    /// <summary>From the fault to the moment all work that was in flight when it struck was done.</summary>
    public double? RecoverySeconds { get; set; }

    public Dictionary<string, double> Figures { get; } = new(StringComparer.Ordinal);

    public void Line(string text)
    {
        lock (_lines)
        {
            _lines.Add(text);
        }
    }

    public void Figure(string key, double value) => Figures[key] = Math.Round(value, 3);

    /// <summary>Records a problem unless <paramref name="holds"/>.</summary>
    public void Expect(bool holds, string what)
    {
        if (!holds)
        {
            _problems.Add(what);
        }
    }

    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: lost {Lost}, duplicated {Duplicated} ({DuplicatedAtCrash} in the kill's window), timers double-fired {DoubleFired}, recovery {(RecoverySeconds is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "n/a")}")
        + (_problems.Count == 0 ? "" : $"; PROBLEMS: {string.Join("; ", _problems)}");

    public override string ToString() => Summary + "\n  " + string.Join("\n  ", _lines);
}
