using System.Globalization;

namespace HaloAgent.Bench;

/// <summary>Plain argument parsing: a command, then <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    public string? Command { get; private set; }

    public static BenchArgs Parse(string[] args)
    {
        var parsed = new BenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && parsed.Command is not null)
            {
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=');
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }

                parsed._options[name] = value;
            }
            else if (parsed.Command is null)
            {
                parsed.Command = arg.ToLowerInvariant();
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        return parsed;
    }

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Text(string name) => _options.GetValueOrDefault(name);

    public long Number(string name, long fallback)
    {
        if (!_options.TryGetValue(name, out var text) || text is null)
        {
            return fallback;
        }

        // Accept 1000000, 1_000_000, 1,000,000, 100k, 1m.
        var clean = text.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        var factor = 1L;
        if (clean.EndsWith('k'))
        {
            factor = 1_000;
            clean = clean[..^1];
        }
        else if (clean.EndsWith('m'))
        {
            factor = 1_000_000;
            clean = clean[..^1];
        }

        return long.Parse(clean, NumberStyles.Integer, CultureInfo.InvariantCulture) * factor;
    }

    /// <summary>Pairs like <c>2x100,4x200</c> (worker loops x batch size).</summary>
    public IReadOnlyList<(int Workers, int BatchSize)> Pairs(string name, string fallback) =>
        (Text(name) ?? fallback)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p =>
            {
                var parts = p.Split('x', 'X');
                return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
            })
            .ToList();
}
