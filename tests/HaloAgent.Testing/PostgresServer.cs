using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace HaloAgent.Testing;

/// <summary>
/// A real PostgreSQL server on loopback for integration tests (never a fake).
/// </summary>
/// <remarks>
/// <para>
/// If the environment variable <c>HALO_TEST_POSTGRES</c> holds a base connection string
/// (e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Password=secret</c>), that server is used.
/// Otherwise a throwaway cluster is created with initdb under /tmp, listening only on 127.0.0.1 on a free port,
/// with trust authentication for the user <c>postgres</c>. When the tests run as root, initdb and pg_ctl run
/// as the <c>postgres</c> OS user through <c>runuser</c>, because PostgreSQL refuses to run as root.
/// </para>
/// <para>
/// Typical use: <c>var pg = await PostgresServer.SharedAsync(); var cs = await pg.CreateDatabaseAsync("orders");</c>
/// (one database per test class, see <see cref="PostgresDatabaseFixture"/>).
/// Tests that restart or stop the server must not do it to the shared server (other test classes use it in
/// parallel): they start their own with <c>await using var pg = await PostgresServer.StartPrivateAsync();</c>.
/// </para>
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable holding a base connection string of an existing server to use instead.</summary>
    public const string ExternalServerVariable = "HALO_TEST_POSTGRES";

    /// <summary>Optional environment variable naming the directory that holds initdb, pg_ctl, psql and pg_isready.</summary>
    public const string BinDirVariable = "HALO_TEST_POSTGRES_BIN";

    private const string TempPrefix = "halo-pg-";
    private const string OwnerFileName = "owner.pid";
    private const string ServerOsUser = "postgres";
    private const string DefaultPostgresBin = "/usr/lib/postgresql/15/bin";
    private const int ReadyPollAttempts = 60; // 60 polls, 500 ms apart: at most ~30 s.
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(120);

    private static readonly object SharedGate = new();
    private static Task<PostgresServer>? _shared;

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _createdDatabases = new(StringComparer.Ordinal);

    // Where the server is.
    private readonly string _host;
    private int _port;
    private readonly string _user;
    private readonly string? _password;
    private readonly string _maintenanceDatabase;
    private readonly DbConnectionStringBuilder? _externalBase;

    // Only for a cluster this class started.
    private readonly string? _binDir;
    private readonly string? _rootDir;
    private readonly bool _runAsServerUser;
    private bool _isShared;
    private bool _disposed;

    private PostgresServer(string host, int port, string user, string? password, string maintenanceDatabase,
        DbConnectionStringBuilder? externalBase, string? binDir, string? rootDir, bool runAsServerUser)
    {
        _host = host;
        _port = port;
        _user = user;
        _password = password;
        _maintenanceDatabase = maintenanceDatabase;
        _externalBase = externalBase;
        _binDir = binDir;
        _rootDir = rootDir;
        _runAsServerUser = runAsServerUser;
    }

    /// <summary>True when the server comes from <c>HALO_TEST_POSTGRES</c> and is not managed by this class.</summary>
    public bool IsExternal => _externalBase is not null;

    /// <summary>True when <see cref="RestartAsync"/> and <see cref="StopAsync"/> are allowed on this instance.</summary>
    public bool CanRestart => !IsExternal && !_isShared;

    public string Host => _host;

    public int Port => _port;

    public string Username => _user;

    /// <summary>The cluster's data directory (null for an external server).</summary>
    public string? DataDirectory => _rootDir is null ? null : Path.Combine(_rootDir, "data");

    /// <summary>The server log file (null for an external server).</summary>
    public string? LogFile => _rootDir is null ? null : Path.Combine(_rootDir, "postgres.log");

    /// <summary>
    /// One server per test process, started on first use, stopped when the process exits.
    /// Do not restart, stop or dispose it: use <see cref="StartPrivateAsync"/> for that.
    /// </summary>
    public static Task<PostgresServer> SharedAsync()
    {
        lock (SharedGate)
        {
            if (_shared is null)
            {
                _shared = Task.Run(async () =>
                {
                    var server = await StartAsync().ConfigureAwait(false);
                    server._isShared = true;
                    return server;
                });
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopSharedAtExit();
            }

            return _shared;
        }
    }

    /// <summary>
    /// Uses the server named by <c>HALO_TEST_POSTGRES</c> when it is set; otherwise starts a throwaway cluster.
    /// The caller owns the result and disposes it.
    /// </summary>
    public static Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return Task.FromResult(FromConnectionString(external));
        }

        return StartPrivateAsync(ct);
    }

    /// <summary>
    /// Always starts a throwaway cluster (ignores <c>HALO_TEST_POSTGRES</c>): for tests that restart or stop the server.
    /// </summary>
    public static async Task<PostgresServer> StartPrivateAsync(CancellationToken ct = default)
    {
        var binDir = FindBinDir(requireServer: true)!;
        var runAsServerUser = IsRoot();
        if (runAsServerUser && !OsUserExists(ServerOsUser))
        {
            throw new InvalidOperationException(
                $"Tests run as root but there is no '{ServerOsUser}' OS user to run PostgreSQL as. " +
                "Install the postgresql package (./test.sh does this) or set HALO_TEST_POSTGRES.");
        }

        ReapOrphanClusters(binDir, runAsServerUser);

        var rootDir = CreateTempDirectory();
        var server = new PostgresServer("127.0.0.1", 0, ServerOsUser, null, "postgres", null, binDir, rootDir, runAsServerUser);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(rootDir, OwnerFileName),
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
            if (runAsServerUser)
            {
                var chown = await RunAsync("chown", [$"{ServerOsUser}:", rootDir], null, null, ct).ConfigureAwait(false);
                chown.ThrowIfFailed("chown of the PostgreSQL temp directory");
            }

            StartJanitor(binDir, runAsServerUser, rootDir);
            await server.InitDbAsync(ct).ConfigureAwait(false);
            await server.StartClusterAsync(ct).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeCoreAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this server (Npgsql syntax).</summary>
    public string ConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        if (_externalBase is null)
        {
            return $"Host=127.0.0.1;Port={_port.ToString(CultureInfo.InvariantCulture)};Username={_user};Database={database};" +
                   "Pooling=true;Maximum Pool Size=100;Timeout=15;Command Timeout=60";
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = _externalBase.ConnectionString };
        foreach (var key in new[] { "Database", "DB" })
        {
            builder.Remove(key);
        }

        builder["Database"] = database;
        AddIfMissing(builder, "Pooling", "true", "Pooling");
        AddIfMissing(builder, "Maximum Pool Size", "100", "Maximum Pool Size", "Max Pool Size", "MaxPoolSize");
        AddIfMissing(builder, "Timeout", "15", "Timeout");
        AddIfMissing(builder, "Command Timeout", "60", "Command Timeout", "CommandTimeout");
        return builder.ConnectionString;
    }

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        var name = NewDatabaseName(prefix);
        for (var attempt = 1; ; attempt++)
        {
            var result = await RunPsqlAsync(_maintenanceDatabase, [$"CREATE DATABASE {QuoteIdentifier(name)}"], ct).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                break;
            }

            // CREATE DATABASE copies template1 and fails if someone else is connected to it at that moment.
            if (attempt < 5 && result.StdErr.Contains("is being accessed by other users", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct).ConfigureAwait(false);
                continue;
            }

            result.ThrowIfFailed($"CREATE DATABASE {name}");
        }

        _createdDatabases.TryAdd(name, 0);
        return ConnectionString(name);
    }

    /// <summary>Drops a database, terminating its connections (best used when a test class ends).</summary>
    public async Task DropDatabaseAsync(string database, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        var result = await RunPsqlAsync(_maintenanceDatabase,
            [$"DROP DATABASE IF EXISTS {QuoteIdentifier(database)} WITH (FORCE)"], ct).ConfigureAwait(false);
        result.ThrowIfFailed($"DROP DATABASE {database}");
        _createdDatabases.TryRemove(database, out _);
    }

    /// <summary>Runs SQL with psql (tuples only, unaligned) against <paramref name="database"/> and returns its output.</summary>
    public async Task<string> PsqlAsync(string database, string sql, CancellationToken ct = default)
    {
        ThrowIfDisposed();
        var result = await RunPsqlAsync(database, [sql], ct).ConfigureAwait(false);
        result.ThrowIfFailed("psql");
        return result.StdOut.Trim();
    }

    /// <summary>
    /// Restarts the cluster (<c>pg_ctl restart -m fast</c>) and waits until it accepts connections again.
    /// Existing connections are cut. Also starts a cluster that <see cref="StopAsync"/> stopped.
    /// </summary>
    public async Task RestartAsync()
    {
        ThrowIfCannotRestart(nameof(RestartAsync));
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var result = await RunServerToolAsync("pg_ctl",
                ["restart", "-D", DataDirectory!, "-l", LogFile!, "-m", "fast", "-w", "-t", "30", "-s"], default).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"pg_ctl restart failed.\n{result.Describe()}\n{LogTail()}");
            }

            await WaitUntilReadyAsync(default).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the cluster (<c>pg_ctl stop -m fast</c>); <see cref="RestartAsync"/> starts it again.</summary>
    public async Task StopAsync()
    {
        ThrowIfCannotRestart(nameof(StopAsync));
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            var result = await RunServerToolAsync("pg_ctl", ["stop", "-D", DataDirectory!, "-m", "fast", "-w", "-t", "30", "-s"], default)
                .ConfigureAwait(false);
            // Exit code 3 would mean "not running": stopping a stopped server is fine.
            if (result.ExitCode != 0 && IsRunning())
            {
                throw new InvalidOperationException($"pg_ctl stop failed.\n{result.Describe()}\n{LogTail()}");
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops the cluster (<c>pg_ctl stop -m immediate</c>) and deletes its directory. For an external server, drops the
    /// databases this instance created. Does nothing on the shared instance (it is stopped at process exit).
    /// </summary>
    public ValueTask DisposeAsync()
    {
        if (_isShared)
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(DisposeCoreAsync());
    }

    private async Task DisposeCoreAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (IsExternal)
            {
                await DropCreatedDatabasesAsync().ConfigureAwait(false);
                return;
            }

            if (_rootDir is null)
            {
                return;
            }

            if (File.Exists(Path.Combine(DataDirectory!, "postmaster.pid")))
            {
                try
                {
                    await RunServerToolAsync("pg_ctl", ["stop", "-D", DataDirectory!, "-m", "immediate", "-w", "-t", "30", "-s"], default)
                        .ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Fall through to killing the postmaster below.
                }

                KillPostmaster(DataDirectory!);
            }

            TryDeleteDirectory(_rootDir);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private static void StopSharedAtExit()
    {
        Task<PostgresServer>? shared;
        lock (SharedGate)
        {
            shared = _shared;
        }

        if (shared is null)
        {
            return;
        }

        try
        {
            if (shared.Wait(TimeSpan.FromSeconds(30)))
            {
                shared.Result.DisposeCoreAsync().Wait(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception)
        {
            // Start failed or the process is going down anyway; a later run reaps what is left (see ReapOrphanClusters).
        }
    }

    private async Task InitDbAsync(CancellationToken ct)
    {
        var locale = Directory.Exists("/usr/lib/locale/C.utf8") || Directory.Exists("/usr/lib/locale/C.UTF-8") ? "C.UTF-8" : "C";
        var result = await RunServerToolAsync("initdb",
        [
            "-D", DataDirectory!, "-U", ServerOsUser, "--auth=trust", "--encoding=UTF8", $"--locale={locale}",
            "--no-sync", "--no-instructions",
        ], ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed.\n{result.Describe()}");
        }
    }

    private async Task StartClusterAsync(CancellationToken ct)
    {
        var confPath = Path.Combine(DataDirectory!, "postgresql.conf");
        var originalConf = await File.ReadAllTextAsync(confPath, ct).ConfigureAwait(false);
        const int maxAttempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            _port = FreePort.Next();
            // Rewriting the existing file keeps its owner (postgres) and mode.
            await File.WriteAllTextAsync(confPath, originalConf + TestSettings(_port, DataDirectory!), ct).ConfigureAwait(false);

            var result = await RunServerToolAsync("pg_ctl",
                ["start", "-D", DataDirectory!, "-l", LogFile!, "-w", "-t", "30", "-s"], ct).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                break;
            }

            var log = LogTail();
            // The free port can be taken by someone else between FreePort.Next() and the bind: try another one.
            if (attempt < maxAttempts && (log.Contains("Address already in use", StringComparison.Ordinal) ||
                                          log.Contains("could not create any TCP/IP sockets", StringComparison.Ordinal)))
            {
                KillPostmaster(DataDirectory!);
                continue;
            }

            throw new InvalidOperationException($"pg_ctl start failed (port {_port}).\n{result.Describe()}\n{log}");
        }

        await WaitUntilReadyAsync(ct).ConfigureAwait(false);
    }

    private static string TestSettings(int port, string dataDirectory) =>
        $"""


         # --- HaloAgent test cluster (written by HaloAgent.Testing.PostgresServer) ---
         listen_addresses = '127.0.0.1'
         port = {port.ToString(CultureInfo.InvariantCulture)}
         unix_socket_directories = '{dataDirectory.Replace("'", "''", StringComparison.Ordinal)}'
         max_connections = 800
         shared_buffers = 256MB
         fsync = on

         """;

    /// <summary>Polls pg_isready until the server accepts connections (bounded: ~30 s).</summary>
    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        ProcessResult? last = null;
        for (var attempt = 0; attempt < ReadyPollAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(ReadyPollInterval, ct).ConfigureAwait(false);
            }

            last = await RunAsync(ClientTool("pg_isready"),
                ["-h", _host, "-p", _port.ToString(CultureInfo.InvariantCulture), "-U", _user, "-d", _maintenanceDatabase, "-t", "2"],
                _rootDir, ClientEnvironment(), ct).ConfigureAwait(false);
            switch (last.ExitCode)
            {
                case 0:
                    return;
                case 3: // No attempt was made: bad parameters.
                    throw new InvalidOperationException($"pg_isready failed.\n{last.Describe()}");
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL on {_host}:{_port} was not ready after {ReadyPollAttempts} polls.\n{last?.Describe()}\n{LogTail()}");
    }

    private Task<ProcessResult> RunPsqlAsync(string database, IReadOnlyList<string> commands, CancellationToken ct)
    {
        var args = new List<string>
        {
            "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
            "-h", _host, "-p", _port.ToString(CultureInfo.InvariantCulture), "-U", _user, "-d", database,
        };
        foreach (var command in commands)
        {
            args.Add("-c");
            args.Add(command);
        }

        return RunAsync(ClientTool("psql"), args, _rootDir, ClientEnvironment(), ct);
    }

    private async Task DropCreatedDatabasesAsync()
    {
        var names = _createdDatabases.Keys.ToArray();
        if (names.Length == 0)
        {
            return;
        }

        try
        {
            // One psql process; each -c runs in its own transaction (DROP DATABASE cannot run inside one).
            await RunPsqlAsync(_maintenanceDatabase,
                names.Select(n => $"DROP DATABASE IF EXISTS {QuoteIdentifier(n)} WITH (FORCE)").ToArray(), default).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort.
        }
    }

    private Dictionary<string, string?> ClientEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PGCONNECT_TIMEOUT"] = "15",
            ["PGPASSWORD"] = _password,
            ["PGSERVICE"] = null,
            ["PGSERVICEFILE"] = null,
            ["PGOPTIONS"] = null,
        };
        return env;
    }

    private static readonly Lazy<string?> ClientBinDir = new(() => FindBinDir(requireServer: false));

    private string ClientTool(string name)
    {
        var dir = _binDir ?? ClientBinDir.Value;
        return dir is null ? name : Path.Combine(dir, name);
    }

    /// <summary>Runs initdb/pg_ctl, as the postgres OS user when the tests run as root.</summary>
    private Task<ProcessResult> RunServerToolAsync(string tool, IReadOnlyList<string> args, CancellationToken ct) =>
        RunServerToolAsync(_binDir!, _runAsServerUser, _rootDir, tool, args, ct);

    private static Task<ProcessResult> RunServerToolAsync(string binDir, bool runAsServerUser, string? workingDirectory,
        string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        var path = Path.Combine(binDir, tool);
        if (!runAsServerUser)
        {
            return RunAsync(path, args, workingDirectory, null, ct);
        }

        var wrapped = new List<string> { "-u", ServerOsUser, "--", path };
        wrapped.AddRange(args);
        return RunAsync(RunUserPath(), wrapped, workingDirectory, null, ct);
    }

    private void ThrowIfCannotRestart(string operation)
    {
        if (IsExternal)
        {
            throw new NotSupportedException(
                $"{operation} is not possible on the external server from {ExternalServerVariable}; use PostgresServer.StartPrivateAsync().");
        }

        if (_isShared)
        {
            throw new InvalidOperationException(
                $"{operation} on the shared server would break other test classes running in parallel; " +
                "use 'await using var pg = await PostgresServer.StartPrivateAsync();' instead.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private bool IsRunning()
    {
        var pid = ReadPostmasterPid(DataDirectory!);
        return pid is not null && ProcessAlive(pid.Value);
    }

    private string LogTail()
    {
        try
        {
            if (LogFile is null || !File.Exists(LogFile))
            {
                return "(no server log)";
            }

            var text = File.ReadAllText(LogFile);
            const int max = 8000;
            return "--- server log (tail) ---\n" + (text.Length > max ? text[^max..] : text);
        }
        catch (Exception e)
        {
            return $"(server log unreadable: {e.Message})";
        }
    }

    private static PostgresServer FromConnectionString(string connectionString)
    {
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{ExternalServerVariable} is not a valid connection string: {e.Message}", e);
        }

        var host = Get(builder, "Host", "Server") ?? "127.0.0.1";
        var portText = Get(builder, "Port");
        var port = 5432;
        if (portText is not null && !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            throw new InvalidOperationException($"{ExternalServerVariable} has an invalid Port '{portText}'.");
        }

        var user = Get(builder, "Username", "User Id", "UserId", "User Name", "UserName", "User") ?? "postgres";
        var password = Get(builder, "Password", "PSW", "PWD");
        var database = Get(builder, "Database", "DB") ?? "postgres";
        return new PostgresServer(host, port, user, password, database, builder, null, null, false);
    }

    private static string? Get(DbConnectionStringBuilder builder, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (builder.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    private static void AddIfMissing(DbConnectionStringBuilder builder, string key, string value, params string[] synonyms)
    {
        if (!synonyms.Any(builder.ContainsKey))
        {
            builder[key] = value;
        }
    }

    private static string NewDatabaseName(string? prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in (prefix ?? "halo").ToLowerInvariant())
        {
            clean.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' ? c : '_');
        }

        if (clean.Length == 0 || clean[0] is >= '0' and <= '9')
        {
            clean.Insert(0, "db_");
        }

        // PostgreSQL identifiers are at most 63 bytes: prefix (<= 30) + '_' + 32 hex digits.
        var head = clean.Length > 30 ? clean.ToString(0, 30) : clean.ToString();
        return $"{head}_{Guid.NewGuid():N}";
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string? FindBinDir(bool requireServer)
    {
        var tried = new List<string>();
        foreach (var dir in BinDirCandidates())
        {
            tried.Add(dir);
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }

            if (!requireServer && File.Exists(Path.Combine(dir, "psql")))
            {
                return dir;
            }
        }

        if (!requireServer)
        {
            return null;
        }

        throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) not found in {string.Join(", ", tried)}. " +
            $"Install the postgresql package (./test.sh does this), set {BinDirVariable}, or set {ExternalServerVariable}.");
    }

    /// <summary>HALO_TEST_POSTGRES_BIN, then /usr/lib/postgresql/15/bin, then `pg_config --bindir` (only run if needed).</summary>
    private static IEnumerable<string> BinDirCandidates()
    {
        var fromEnv = Environment.GetEnvironmentVariable(BinDirVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            yield return fromEnv;
        }

        yield return DefaultPostgresBin;

        string? fromPgConfig = null;
        try
        {
            var pgConfig = RunAsync("pg_config", ["--bindir"], null, null, default).GetAwaiter().GetResult();
            if (pgConfig.ExitCode == 0 && pgConfig.StdOut.Trim() is { Length: > 0 } dir)
            {
                fromPgConfig = dir;
            }
        }
        catch (Exception)
        {
            // No pg_config on PATH.
        }

        if (fromPgConfig is not null)
        {
            yield return fromPgConfig;
        }
    }

    private static string RunUserPath()
    {
        foreach (var path in new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" })
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        return "runuser";
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    private static bool IsRoot()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }

        try
        {
            return GetEffectiveUserId() == 0;
        }
        catch (Exception)
        {
            return Environment.UserName == "root";
        }
    }

    private static bool OsUserExists(string name)
    {
        try
        {
            return File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));
        }
        catch (Exception)
        {
            return true; // Let runuser report the problem.
        }
    }

    private static string CreateTempDirectory()
    {
        var tempRoot = Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        for (var attempt = 0; ; attempt++)
        {
            var path = Path.Combine(tempRoot, TempPrefix + Guid.NewGuid().ToString("N")[..12]);
            if (Directory.Exists(path))
            {
                continue;
            }

            if (OperatingSystem.IsWindows())
            {
                return Directory.CreateDirectory(path).FullName;
            }

            return Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
        }
    }

    /// <summary>
    /// Starts a small detached shell process that waits for this test process to end (however it ends: the test host is
    /// often killed right after the run, before ProcessExit handlers finish) and then stops the cluster and deletes its
    /// directory. Cleanup in DisposeAsync/ProcessExit still runs first when it can; the janitor finds nothing left then.
    /// </summary>
    private static void StartJanitor(string binDir, bool runAsServerUser, string rootDir)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            trap '' INT TERM HUP
            owner="$1"; dir="$2"; shift 2
            case "$dir" in */halo-pg-*) ;; *) exit 1 ;; esac
            while kill -0 "$owner" 2>/dev/null; do sleep 1; done
            if [ -f "$dir/data/postmaster.pid" ]; then
              "$@" || true
              pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
              [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
            fi
            rm -rf "$dir"
            """;
        try
        {
            var pgCtl = Path.Combine(binDir, "pg_ctl");
            var stop = new List<string> { pgCtl, "stop", "-D", Path.Combine(rootDir, "data"), "-m", "immediate", "-w", "-t", "30", "-s" };
            if (runAsServerUser)
            {
                stop.InsertRange(0, [RunUserPath(), "-u", ServerOsUser, "--"]);
            }

            var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
            var startInfo = new ProcessStartInfo(setsid ?? "/bin/sh")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = "/",
            };
            if (setsid is not null)
            {
                startInfo.ArgumentList.Add("/bin/sh");
            }

            foreach (var arg in new[] { "-c", script, "halo-pg-janitor", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), rootDir })
            {
                startInfo.ArgumentList.Add(arg);
            }

            foreach (var arg in stop)
            {
                startInfo.ArgumentList.Add(arg);
            }

            using var janitor = Process.Start(startInfo);
            janitor?.StandardInput.Close();
        }
        catch (Exception)
        {
            // Best effort: ProcessExit and ReapOrphanClusters still clean up.
        }
    }

    /// <summary>
    /// Stops and deletes clusters left behind by test processes that died without running their exit handlers.
    /// </summary>
    private static void ReapOrphanClusters(string binDir, bool runAsServerUser)
    {
        try
        {
            var tempRoot = Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
            foreach (var dir in Directory.GetDirectories(tempRoot, TempPrefix + "*"))
            {
                try
                {
                    var ownerFile = Path.Combine(dir, OwnerFileName);
                    if (!File.Exists(ownerFile) ||
                        !int.TryParse(File.ReadAllText(ownerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ||
                        ProcessAlive(owner))
                    {
                        continue; // Being created right now, or still in use.
                    }

                    var dataDir = Path.Combine(dir, "data");
                    if (File.Exists(Path.Combine(dataDir, "postmaster.pid")))
                    {
                        RunServerToolAsync(binDir, runAsServerUser, dir, "pg_ctl",
                            ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "10", "-s"], default).GetAwaiter().GetResult();
                        KillPostmaster(dataDir);
                    }

                    TryDeleteDirectory(dir);
                }
                catch (Exception)
                {
                    // Another process may be reaping the same directory.
                }
            }
        }
        catch (Exception)
        {
            // Best effort.
        }
    }

    private static int? ReadPostmasterPid(string dataDir)
    {
        try
        {
            var pidFile = Path.Combine(dataDir, "postmaster.pid");
            if (!File.Exists(pidFile))
            {
                return null;
            }

            var first = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(first?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Last resort when pg_ctl could not stop the server: SIGKILL the postmaster named in postmaster.pid.</summary>
    private static void KillPostmaster(string dataDir)
    {
        var pid = ReadPostmasterPid(dataDir);
        if (pid is null || !ProcessAlive(pid.Value))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid.Value);
            if (process.ProcessName is "postgres" or "postmaster")
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (Exception)
        {
            // Already gone.
        }
    }

    private static bool ProcessAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception) when (attempt < 2)
            {
                // A dying backend may still be writing; try again.
            }
            catch (Exception)
            {
                return;
            }
        }
    }

    private static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> args, string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    startInfo.Environment.Remove(key);
                }
                else
                {
                    startInfo.Environment[key] = value;
                }
            }
        }

        var commandLine = fileName + " " + string.Join(" ", args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Could not run {commandLine}: {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception)
            {
                // Already exited.
            }

            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"{commandLine} did not finish within {ProcessTimeout.TotalSeconds} s.\n{stdout}\n{stderr}");
        }

        string outText, errText;
        lock (stdout)
        {
            outText = stdout.ToString();
        }

        lock (stderr)
        {
            errText = stderr.ToString();
        }

        return new ProcessResult(commandLine, process.ExitCode, outText, errText);
    }

    private sealed record ProcessResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
    {
        public string Describe() =>
            $"$ {CommandLine}\nexit code {ExitCode}\n--- stdout ---\n{StdOut}--- stderr ---\n{StdErr}";

        public void ThrowIfFailed(string what)
        {
            if (ExitCode != 0)
            {
                throw new InvalidOperationException($"{what} failed.\n{Describe()}");
            }
        }
    }
}
