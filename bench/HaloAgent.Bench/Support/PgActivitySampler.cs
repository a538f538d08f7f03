using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace HaloAgent.Bench;

/// <summary>
/// A poor man's profiler for the database side, without pg_stat_statements: samples pg_stat_activity every
/// <see cref="Interval"/> and counts what the non-idle backends of one database are doing (running on CPU, waiting on
/// WAL flush / a lock / I/O, or "idle in transaction", i.e. waiting for the .NET side in the middle of a transaction),
/// and which statement they are in.
/// </summary>
public sealed class PgActivitySampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, long> _byState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byStatement = new(StringComparer.Ordinal);
    private Task? _loop;
    private long _samples;
    private long _backendSamples;

    private PgActivitySampler(string connectionString)
    {
        _connectionString = connectionString;
    }

    public static PgActivitySampler Start(string connectionString)
    {
        var sampler = new PgActivitySampler(connectionString);
        sampler._loop = Task.Run(sampler.LoopAsync);
        return sampler;
    }

    private async Task LoopAsync()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, ApplicationName = "halo-bench-sampler" };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(_stop.Token);
            await using var command = new NpgsqlCommand("""
                SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'CPU (running)') ELSE state END,
                       left(regexp_replace(query, '\s+', ' ', 'g'), 90)
                FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL AND state <> 'idle'
                  AND coalesce(application_name, '') <> 'halo-bench-sampler' AND backend_type = 'client backend'
                """, connection);
            while (!_stop.IsCancellationRequested)
            {
                var rows = new List<(string State, string Query)>();
                await using (var reader = await command.ExecuteReaderAsync(_stop.Token))
                {
                    while (await reader.ReadAsync(_stop.Token))
                    {
                        rows.Add((reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
                    }
                }

                lock (_byState)
                {
                    _samples++;
                    _backendSamples += rows.Count;
                    foreach (var (state, query) in rows)
                    {
                        _byState[state] = _byState.GetValueOrDefault(state) + 1;
                        var key = $"{state} | {Normalize(query)}";
                        _byStatement[key] = _byStatement.GetValueOrDefault(key) + 1;
                    }
                }

                await Task.Delay(Interval, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"(pg_stat_activity sampler stopped: {ex.Message})");
        }
    }

    private static string Normalize(string query) => query.Trim();

    public async Task<PgActivity> StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        lock (_byState)
        {
            return new PgActivity(_samples, _backendSamples,
                _byState.OrderByDescending(p => p.Value).ToList(),
                _byStatement.OrderByDescending(p => p.Value).Take(10).ToList());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}

public sealed record PgActivity(long Samples, long BackendSamples, List<KeyValuePair<string, long>> ByState, List<KeyValuePair<string, long>> ByStatement)
{
    public double AverageBusyBackends => Samples == 0 ? 0 : BackendSamples / (double)Samples;

    public IEnumerable<string> Describe(int top = 6)
    {
        yield return $"pg_stat_activity ({Samples} samples every {PgActivitySampler.Interval.TotalMilliseconds} ms): " +
                     $"{AverageBusyBackends.ToString("0.0", CultureInfo.InvariantCulture)} non-idle backends on average";
        foreach (var (state, count) in ByState.Take(top))
        {
            yield return $"  {Share(count),5}  {state}";
        }

        yield return "  top statements (state | statement):";
        foreach (var (key, count) in ByStatement.Take(top))
        {
            yield return $"  {Share(count),5}  {key}";
        }
    }

    private string Share(long count) => BackendSamples == 0 ? "-" : (100.0 * count / BackendSamples).ToString("0", CultureInfo.InvariantCulture) + "%";

    public JsonObject ToJson()
    {
        var byState = new JsonObject();
        foreach (var (k, v) in ByState)
        {
            byState[k] = v;
        }

        var byStatement = new JsonObject();
        foreach (var (k, v) in ByStatement)
        {
            byStatement[k] = v;
        }

        return new JsonObject
        {
            ["samples"] = Samples,
            ["averageNonIdleBackends"] = Math.Round(AverageBusyBackends, 2),
            ["byState"] = byState,
            ["topStatements"] = byStatement,
        };
    }
}
