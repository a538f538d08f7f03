using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using HaloAgent.Testing;

namespace HaloAgent.Bench;

/// <summary>
/// The real HaloAgent server, as a child process: <c>dotnet src/HaloAgent.Server/bin/Release/net10.0/HaloAgent.Server.dll
/// --urls http://127.0.0.1:&lt;port&gt;</c> on PostgreSQL. Its working directory is the build output, so it reads the
/// appsettings.json shipped with it (log levels, engine defaults) exactly as a deployment would.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Stopwatch _sinceStart;

    private ServerProcess(Process process, StreamWriter log, Stopwatch sinceStart, int port, string logPath)
    {
        _process = process;
        _log = log;
        _sinceStart = sinceStart;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public string LogPath { get; }

    public TimeSpan SinceStart => _sinceStart.Elapsed;

    public bool HasExited => _process.HasExited;

    public static string ServerDll => Path.Combine(Paths.RepoRoot, "src", "HaloAgent.Server", "bin", "Release", "net10.0", "HaloAgent.Server.dll");

    /// <summary><c>dotnet build src/HaloAgent.Server -c Release</c> from the repository root.</summary>
    public static async Task BuildAsync(Report report)
    {
        report.Line("building the server: dotnet build src/HaloAgent.Server -c Release");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Paths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "build", "src/HaloAgent.Server", "-c", "Release", "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var build = Process.Start(start)!;
        var stdout = build.StandardOutput.ReadToEndAsync();
        var stderr = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build src/HaloAgent.Server -c Release failed ({build.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        report.Line($"server built in {Fmt.S(clock.Elapsed.TotalSeconds)}");
    }

    public static ServerProcess Start(string connectionString, string logPath, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        if (!File.Exists(ServerDll))
        {
            throw new FileNotFoundException($"{ServerDll} is missing: run `dotnet build src/HaloAgent.Server -c Release` (or drop --skip-server-build).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        start.Environment["HaloAgent__Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__HaloAgent"] = connectionString;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, clock, port, logPath);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // A last line after the log was closed.
            }
        }
    }

    /// <summary>Polls <c>GET /health</c> every 20 ms until it answers 200; returns the time since the process started.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/health";
        while (_sinceStart.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited ({_process.ExitCode}) before it was healthy; see {LogPath}.");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if ((int)response.StatusCode == 200)
                {
                    return _sinceStart.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow answer; ask again.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The server was not healthy within {timeout.TotalSeconds} s; see {LogPath}.");
    }

    /// <summary>VmRSS and VmHWM (peak) from /proc/&lt;pid&gt;/status, in MiB.</summary>
    public (double RssMiB, double PeakMiB) Memory()
    {
        double Read(string key)
        {
            var line = File.ReadLines($"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }

        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public long CpuTicks() => CpuMeter.ProcessTicks(Pid, includeChildren: true);

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SysKill(int pid, int signal);

    /// <summary>SIGTERM (graceful shutdown), then SIGKILL after <paramref name="grace"/>. Only this child is signalled.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = SysKill(_process.Id, 15);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
