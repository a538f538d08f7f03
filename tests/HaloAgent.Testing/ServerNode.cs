using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HaloAgent.Testing;

/// <summary>
/// The server as a real, separate OS process (what a second node in production is), on a fixed loopback port, so it
/// can be killed with SIGKILL (<see cref="Kill"/>, no shutdown hooks run: what a power cut or the OOM killer does) and
/// started again on the same address, as a supervisor would. It runs the server built in the caller's configuration
/// (<see cref="RepositoryRoot.ServerDll"/>).
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    private const int OutputLines = 400;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly AddressBy _addressBy;
    private readonly Queue<string> _output = new();
    private readonly HttpClient _health;
    private Process? _process;

    private ServerNode(string name, IReadOnlyDictionary<string, string> environment, int port, AddressBy addressBy)
    {
        Name = name;
        _environment = environment;
        _addressBy = addressBy;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        _health = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Times this node was started (1 after <see cref="StartAsync"/>, +1 per restart).</summary>
    public int Starts { get; private set; }

    public bool IsAlive => _process is { HasExited: false };

    public int? Pid => IsAlive ? _process!.Id : null;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Resident memory of the live process (VmRSS), or 0 when it is not running.</summary>
    public long WorkingSetBytes
    {
        get
        {
            if (!IsAlive)
            {
                return 0;
            }

            _process!.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Starts the server and waits until <c>GET /health</c> answers 200.</summary>
    public static async Task<ServerNode> StartAsync(string name, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken, AddressBy addressBy = AddressBy.CommandLine)
    {
        var node = new ServerNode(name, environment, FreePort.Next(), addressBy);
        try
        {
            await node.StartProcessAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false); // never leave a half-started server behind
            throw;
        }

        return node;
    }

    /// <summary>SIGKILL: the process ends at once, mid-whatever, with nothing flushed or released.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Starts the process again on the same port (after <see cref="Kill"/>); returns how long until healthy.</summary>
    public async Task<TimeSpan> RestartAsync(CancellationToken cancellationToken)
    {
        Kill();
        var clock = Stopwatch.StartNew();
        try
        {
            await StartProcessAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Kill();
            throw;
        }

        return clock.Elapsed;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        _health.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var dll = RepositoryRoot.ServerDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The server must be built first ({RepositoryRoot.Configuration}): {dll}");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        switch (_addressBy)
        {
            case AddressBy.UrlsVariable:
                info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
                break;
            case AddressBy.HttpPortsVariable:
                info.Environment["ASPNETCORE_HTTP_PORTS"] = Port.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                info.ArgumentList.Add("--urls");
                info.ArgumentList.Add(BaseAddress.ToString());
                break;
        }

        _process?.Dispose();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        _process = process;
        Starts++;
        Append($"---- {Name} start #{Starts} (pid {process.Id}) ----");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting:\n{OutputTail}");
            }

            try
            {
                using var response = await _health.GetAsync("/health", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // not listening yet
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(180))
            {
                throw new TimeoutException($"{Name} was not healthy after 180 s:\n{OutputTail}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }
        }
    }
}

/// <summary>How a <see cref="ServerNode"/> is told its address: the usual ASP.NET Core ways a host sets it.</summary>
public enum AddressBy
{
    CommandLine,
    UrlsVariable,
    HttpPortsVariable,
}
