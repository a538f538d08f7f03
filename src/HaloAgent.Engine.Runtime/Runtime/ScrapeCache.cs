using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// The value behind a module's observable gauges: loaded with one query when a scrape asks for it, then kept for
/// <c>ttl</c>, so scrapes (several gauges each, several scrapers, a tight scrape interval) cannot hammer the database.
/// A failed load is cached too, as "no value": the gauges report nothing rather than a stale number, and a database
/// that is down is asked again only after the ttl.
/// </summary>
/// <remarks>
/// Gauge callbacks are synchronous (System.Diagnostics.Metrics), so the load blocks the scrape, bounded by
/// <c>timeout</c>. Measured by the wall clock, not the application's <see cref="TimeProvider"/>, which tests freeze.
/// </remarks>
public sealed class ScrapeCache<T>(Func<CancellationToken, Task<T>> load, TimeSpan ttl, TimeSpan timeout, ILogger logger)
    where T : class
{
    private readonly Lock _gate = new();
    private T? _value;
    private long _loadedAt;
    private bool _loaded;

    public T? Get()
    {
        lock (_gate)
        {
            if (_loaded && Stopwatch.GetElapsedTime(_loadedAt) < ttl)
            {
                return _value;
            }

            try
            {
                using var budget = new CancellationTokenSource(timeout);
                _value = Task.Run(() => load(budget.Token), budget.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                logger.LogWarning("Metrics snapshot ({Type}) could not be read: {Error}", typeof(T).Name, ex.Message);
                _value = null;
            }

            _loaded = true;
            _loadedAt = Stopwatch.GetTimestamp();
            return _value;
        }
    }
}
