using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloAgent.Bench;

/// <summary>
/// Collects what a command prints (result lines) and the raw figures, and writes both to
/// <c>bench/results/&lt;command&gt;-&lt;timestamp&gt;.md</c>.
/// </summary>
public sealed class Report
{
    private readonly List<string> _lines = [];
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public Report(string command)
    {
        Command = command;
        Data["command"] = command;
        Data["startedUtc"] = _started.ToString("O", CultureInfo.InvariantCulture);
        Data["machine"] = Machine.Describe();
        Data["source"] = SourceFingerprint();
    }

    /// <summary>
    /// Which src/ was measured: the tree is edited while benchmarks run, and git is not for the bench to call, so the
    /// summary records a hash of every src/**/*.cs and the newest file.
    /// </summary>
    public static JsonObject SourceFingerprint()
    {
        var src = Path.Combine(Paths.RepoRoot, "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(src, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }

        var newest = files.Select(f => new FileInfo(f)).MaxBy(f => f.LastWriteTimeUtc);
        return new JsonObject
        {
            ["srcFiles"] = files.Count,
            ["srcSha256"] = Convert.ToHexStringLower(sha.GetHashAndReset())[..16],
            ["newestFile"] = newest is null ? null : Path.GetRelativePath(Paths.RepoRoot, newest.FullName),
            ["newestWriteUtc"] = newest?.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    public string Command { get; }

    public JsonObject Data { get; } = [];

    public string Stamp => _started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    public void Line(string text = "")
    {
        Console.WriteLine(text);
        lock (_lines)
        {
            _lines.Add(text);
        }
    }

    public void Section(string title)
    {
        Line();
        Line($"== {title}");
    }

    /// <summary>Sets <c>Data[a][b]...</c>, creating the objects on the way.</summary>
    public void Set(string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = Data;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    public string ResultsDirectory => Path.Combine(Paths.RepoRoot, "bench", "results");

    public string Save()
    {
        Directory.CreateDirectory(ResultsDirectory);
        Data["finishedUtc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var path = Path.Combine(ResultsDirectory, $"{Command}-{Stamp}.md");
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# HaloAgent bench: `{Command}` ({_started:yyyy-MM-dd HH:mm:ss} UTC)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.OneLine()}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Source measured: src/ sha256 {Data["source"]?["srcSha256"]} ({Data["source"]?["srcFiles"]} files, newest {Data["source"]?["newestFile"]} at {Data["source"]?["newestWriteUtc"]})");
        md.AppendLine();
        md.AppendLine("## Output");
        md.AppendLine();
        md.AppendLine("```text");
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                md.AppendLine(line);
            }
        }

        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine("```json");
        md.AppendLine(Data.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        md.AppendLine("```");
        File.WriteAllText(path, md.ToString());
        Console.WriteLine();
        Console.WriteLine($"summary written to {Path.GetRelativePath(Paths.RepoRoot, path)}");
        return path;
    }
}

public static class Paths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The directory holding HaloAgent.sln (looked up from the working directory, then from the binary).</summary>
    public static string RepoRoot => Root.Value;

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HaloAgent.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository root (HaloAgent.sln) above the working directory or the binary.");
    }
}

public static class Machine
{
    public static JsonObject Describe() => new()
    {
        ["nproc"] = Environment.ProcessorCount,
        ["cpuModel"] = CpuModel(),
        ["memTotalGiB"] = Math.Round(MemTotalKiB() / 1024.0 / 1024.0, 1),
        ["kernel"] = ReadFirstLine("/proc/sys/kernel/osrelease"),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["serverGC"] = GCSettings.IsServerGC,
        ["loadAverageAtStart"] = ReadFirstLine("/proc/loadavg"),
    };

    public static string OneLine() =>
        $"{Environment.ProcessorCount} cores (nproc), {CpuModel()}, {Math.Round(MemTotalKiB() / 1024.0 / 1024.0, 1)} GiB RAM, " +
        $"Linux {ReadFirstLine("/proc/sys/kernel/osrelease")}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC; load average at start {string.Join(" ", ReadFirstLine("/proc/loadavg").Split(' ').Take(3))}";

    private static string? _cpuModel;

    public static string CpuModel()
    {
        if (_cpuModel is not null)
        {
            return _cpuModel;
        }

        try
        {
            using var lscpu = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = lscpu.StandardOutput.ReadToEnd();
            lscpu.WaitForExit();
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("Model name:", StringComparison.Ordinal));
            _cpuModel = line?["Model name:".Length..].Trim() ?? "unknown";
        }
        catch (Exception)
        {
            _cpuModel = "unknown";
        }

        return _cpuModel;
    }

    private static long MemTotalKiB()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            return 0;
        }
    }

    private static string ReadFirstLine(string path)
    {
        try
        {
            return File.ReadLines(path).First().Trim();
        }
        catch (Exception)
        {
            return "?";
        }
    }
}

public static class Fmt
{
    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
