using HaloAgent.Engine.Runtime.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace HaloAgent.Server.Tests.Observability;

/// <summary>The gauges' database reads are cached, so scrapes cannot hammer the database, failed reads included.</summary>
public sealed class ScrapeCacheTests
{
    [Fact]
    public async Task Many_reads_within_the_ttl_load_once()
    {
        var loads = 0;
        var cache = new ScrapeCache<string>(_ => Task.FromResult($"snapshot {Interlocked.Increment(ref loads)}"), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), NullLogger.Instance);

        var reads = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(cache.Get)));

        loads.ShouldBe(1);
        reads.ShouldAllBe(r => r == "snapshot 1");
    }

    [Fact]
    public void A_failed_load_reads_as_no_value_and_is_not_retried_within_the_ttl()
    {
        var loads = 0;
        var cache = new ScrapeCache<string>(_ =>
        {
            Interlocked.Increment(ref loads);
            throw new InvalidOperationException("database down");
        }, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), NullLogger.Instance);

        cache.Get().ShouldBeNull();
        cache.Get().ShouldBeNull();
        loads.ShouldBe(1);
    }

    [Fact]
    public void After_the_ttl_the_next_read_loads_again()
    {
        var loads = 0;
        var cache = new ScrapeCache<string>(_ => Task.FromResult($"snapshot {++loads}"), TimeSpan.Zero, TimeSpan.FromSeconds(5), NullLogger.Instance);

        cache.Get().ShouldBe("snapshot 1");
        cache.Get().ShouldBe("snapshot 2");
    }
}
