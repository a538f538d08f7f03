using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloAgent.Bench;

/// <summary>
/// Where the CPU went over an interval, from /proc: the machine (busy, idle, iowait), one .NET process, and the whole
/// PostgreSQL cluster (postmaster + its children; a backend that exits is folded into the postmaster's cutime, so the
/// total stays monotonic). Replaces eyeballing <c>top</c>.
/// </summary>
public sealed class CpuMeter
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    private readonly int _dotnetPid;
    private readonly int? _postmasterPid;
    private readonly Sample _start;

    private CpuMeter(int dotnetPid, int? postmasterPid)
    {
        _dotnetPid = dotnetPid;
        _postmasterPid = postmasterPid;
        _start = Take();
    }

    public static CpuMeter Start(int dotnetPid, int? postmasterPid) => new(dotnetPid, postmasterPid);

    public CpuSplit Stop()
    {
        var end = Take();
        return new CpuSplit(
            WallSeconds: (end.Wall - _start.Wall).TotalSeconds,
            Cores: Environment.ProcessorCount,
            MachineBusy: (end.MachineBusy - _start.MachineBusy) / TicksPerSecond,
            MachineIdle: (end.MachineIdle - _start.MachineIdle) / TicksPerSecond,
            MachineIoWait: (end.MachineIoWait - _start.MachineIoWait) / TicksPerSecond,
            Dotnet: (end.Dotnet - _start.Dotnet) / TicksPerSecond,
            Postgres: _postmasterPid is null ? null : (end.Postgres - _start.Postgres) / TicksPerSecond);
    }

    private Sample Take()
    {
        var (busy, idle, iowait) = MachineTicks();
        return new Sample(DateTimeOffset.UtcNow, busy, idle, iowait, ProcessTicks(_dotnetPid, includeChildren: false),
            _postmasterPid is { } pm ? ClusterTicks(pm) : 0);
    }

    private static (long Busy, long Idle, long IoWait) MachineTicks()
    {
        var parts = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = parts.Skip(1).Take(8).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal
        var idle = values[3];
        var iowait = values[4];
        var busy = values.Sum() - idle - iowait;
        return (busy, idle, iowait);
    }

    /// <summary>utime+stime (and cutime+cstime) of a process, in ticks; 0 when it is gone.</summary>
    public static long ProcessTicks(int pid, bool includeChildren)
    {
        var fields = StatFields(pid);
        if (fields is null)
        {
            return 0;
        }

        // After "pid (comm) ": [0]=state [1]=ppid ... [11]=utime [12]=stime [13]=cutime [14]=cstime
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (includeChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks;
    }

    private static long ClusterTicks(int postmasterPid)
    {
        var total = ProcessTicks(postmasterPid, includeChildren: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == postmasterPid)
            {
                continue;
            }

            var fields = StatFields(pid);
            if (fields is not null && fields[1] == postmasterPid.ToString(CultureInfo.InvariantCulture))
            {
                total += ProcessTicks(pid, includeChildren: true);
            }
        }

        return total;
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var close = text.LastIndexOf(')');
            return text[(close + 2)..].Split(' ');
        }
        catch (Exception)
        {
            return null;
        }
    }

    private sealed record Sample(DateTimeOffset Wall, long MachineBusy, long MachineIdle, long MachineIoWait, long Dotnet, long Postgres);
}

/// <summary>CPU seconds spent over an interval of <see cref="WallSeconds"/> on <see cref="Cores"/> cores.</summary>
public sealed record CpuSplit(double WallSeconds, int Cores, double MachineBusy, double MachineIdle, double MachineIoWait, double Dotnet, double? Postgres)
{
    private double Capacity => Math.Max(0.001, WallSeconds * Cores);

    private string Pct(double seconds) => (100 * seconds / Capacity).ToString("0", CultureInfo.InvariantCulture) + "%";

    public string Describe(string dotnetLabel = "dotnet") =>
        $"CPU over {Fmt.S(WallSeconds)} x {Cores} cores: {dotnetLabel} {Pct(Dotnet)}, " +
        (Postgres is { } pg ? $"postgres {Pct(pg)}, other {Pct(Math.Max(0, MachineBusy - Dotnet - pg))}, " : $"other {Pct(Math.Max(0, MachineBusy - Dotnet))}, ") +
        $"idle {Pct(MachineIdle)}, iowait {Pct(MachineIoWait)}";

    /// <summary>
    /// CPU cost per unit of work (ms of one core), and the rate two dedicated cores could sustain if CPU were the only
    /// limit: a load-independent figure on a shared machine (an estimate, not a measurement).
    /// </summary>
    public string DescribePerUnit(long units, string unit, string dotnetLabel = "dotnet")
    {
        if (units <= 0)
        {
            return "";
        }

        var dotnetMs = 1000 * Dotnet / units;
        var pgMs = Postgres is { } pg ? 1000 * pg / units : 0;
        var projected = Cores * 1000 / Math.Max(0.0001, dotnetMs + pgMs);
        return $"CPU per {unit}: {dotnetLabel} {dotnetMs.ToString("0.000", CultureInfo.InvariantCulture)} ms + postgres {pgMs.ToString("0.000", CultureInfo.InvariantCulture)} ms " +
               $"=> CPU-bound ceiling on {Cores} dedicated cores ~{Fmt.N(projected)}/s (estimate)";
    }

    public JsonObject PerUnitJson(long units) => new()
    {
        ["units"] = units,
        ["dotnetCpuMsPerUnit"] = units > 0 ? Math.Round(1000 * Dotnet / units, 4) : null,
        ["postgresCpuMsPerUnit"] = units > 0 && Postgres is { } pg ? Math.Round(1000 * pg / units, 4) : null,
        ["cpuBoundCeilingPerSecond"] = units > 0 ? Math.Round(Cores * 1000 / Math.Max(0.0001, 1000 * (Dotnet + (Postgres ?? 0)) / units)) : null,
    };

    public JsonObject ToJson() => new()
    {
        ["wallSeconds"] = Math.Round(WallSeconds, 3),
        ["cores"] = Cores,
        ["dotnetCoreSeconds"] = Math.Round(Dotnet, 2),
        ["postgresCoreSeconds"] = Postgres is { } pg ? Math.Round(pg, 2) : null,
        ["machineBusyCoreSeconds"] = Math.Round(MachineBusy, 2),
        ["machineIdleCoreSeconds"] = Math.Round(MachineIdle, 2),
        ["machineIoWaitCoreSeconds"] = Math.Round(MachineIoWait, 2),
    };
}
