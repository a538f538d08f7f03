using HaloAgent.Server.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>
/// Failed sign-ins are counted once for the whole cluster: two throttles over one database stand for two nodes (kept in
/// memory, each node counted alone, so N nodes gave an attacker N times the guesses before the first wait).
/// </summary>
public abstract class SharedLoginThrottleTests(SessionServer server)
{
    private IServiceProvider Services => server.Factory.Services;

    [Fact]
    public async Task Failures_on_two_nodes_add_up_and_a_success_on_either_clears_them()
    {
        var (nodeA, nodeB) = Nodes();
        var key = $"account:{Guid.NewGuid():N}@halo.test";
        var allowed = Services.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue.AccountFailuresBeforeBackoff;

        for (var i = 0; i < allowed; i++)
        {
            await (i % 2 == 0 ? nodeA : nodeB).FailedAsync(key, default);
        }

        (await nodeA.RetryAfterAsync(key, default)).ShouldNotBeNull("node A counts node B's failures");
        (await nodeB.RetryAfterAsync(key, default)).ShouldNotBeNull("node B counts node A's failures");

        await nodeB.SucceededAsync(key, default);
        (await nodeA.RetryAfterAsync(key, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Failures_arriving_at_once_on_both_nodes_are_each_counted_and_no_address_is_stored()
    {
        var (nodeA, nodeB) = Nodes();
        var email = $"{Guid.NewGuid():N}@halo.test";
        var key = $"account:{email}";

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? nodeA : nodeB).FailedAsync(key, default)));

        await using var db = await Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync();
        var rows = await db.LoginFailures.AsNoTracking().ToListAsync();
        rows.ShouldNotContain(r => r.ThrottleKey.Contains(email, StringComparison.OrdinalIgnoreCase), "the key is stored hashed");
        rows.Sum(r => r.Failures).ShouldBeGreaterThanOrEqualTo(40);
        rows.Max(r => r.Failures).ShouldBe(40, "no failure lost to a race between the nodes");
    }

    private (LoginThrottle A, LoginThrottle B) Nodes() =>
        (Services.GetRequiredService<LoginThrottle>(), ActivatorUtilities.CreateInstance<LoginThrottle>(Services));
}

public sealed class SqliteSharedLoginThrottleTests(SqliteSessionServer server) : SharedLoginThrottleTests(server), IClassFixture<SqliteSessionServer>;

public sealed class PostgresSharedLoginThrottleTests(PostgresSessionServer server) : SharedLoginThrottleTests(server), IClassFixture<PostgresSessionServer>;
