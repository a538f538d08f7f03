using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Auth;

/// <summary>
/// Failed sign-ins per account (or per trusted device), whatever address they come from: after
/// <see cref="AuthOptions.AccountFailuresBeforeBackoff"/> failures each further attempt waits, 1 s doubling up to
/// <see cref="AuthOptions.AccountBackoffMax"/>. Unknown e-mails are counted exactly like real ones, so the answers never
/// tell which accounts exist. A success clears the count. Counted in the database, so a cluster of N nodes allows no
/// more attempts than one node (kept in memory, each node gave an attacker its own count).
/// </summary>
public sealed class LoginThrottle(IDbContextFactory<AuthDbContext> factory, TimeProvider clock, IOptionsMonitor<AuthOptions> options)
{
    /// <summary>Failures older than this are forgotten.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    // One statement: failures arriving at once on several nodes each count (a read then a write would lose some).
    private const string CountSql = """
        INSERT INTO login_failures (throttle_key, failures, last_failure_at, locked_until) VALUES (@Key, 1, @Now, 0)
        ON CONFLICT (throttle_key) DO UPDATE SET
          failures = CASE WHEN @Now - login_failures.last_failure_at > @Memory THEN 1 ELSE login_failures.failures + 1 END,
          last_failure_at = @Now
        RETURNING failures
        """;

    // The later of two waits stands, whichever node writes last.
    private const string LockSql = """
        UPDATE login_failures SET locked_until = CASE WHEN locked_until > @Until THEN locked_until ELSE @Until END WHERE throttle_key = @Key
        """;

    /// <summary>How long the key must still wait before its next attempt is checked; null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var stored = Stored(key);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var lockedUntil = await db.LoginFailures.AsNoTracking().Where(f => f.ThrottleKey == stored).Select(f => (long?)f.LockedUntil).FirstOrDefaultAsync(cancellationToken);
        return lockedUntil is { } until && until > now ? TimeSpan.FromMilliseconds(until - now) : null;
    }

    public async Task FailedAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var stored = Stored(key);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var failures = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            CountSql, new { Key = stored, Now = now, Memory = (long)Memory.TotalMilliseconds }, cancellationToken: cancellationToken));
        var wait = Wait(failures, options.CurrentValue);
        if (wait > TimeSpan.Zero)
        {
            await connection.ExecuteAsync(new CommandDefinition(LockSql, new { Key = stored, Until = now + (long)wait.TotalMilliseconds }, cancellationToken: cancellationToken));
        }

        // Made-up e-mails sprayed by an attacker leave rows; they go once forgotten (indexed, so this stays cheap).
        var forgotten = now - (long)Memory.TotalMilliseconds;
        await db.LoginFailures.Where(f => f.LastFailureAt < forgotten && f.LockedUntil < now).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task SucceededAsync(string key, CancellationToken cancellationToken)
    {
        var stored = Stored(key);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.LoginFailures.Where(f => f.ThrottleKey == stored).ExecuteDeleteAsync(cancellationToken);
    }

    private static TimeSpan Wait(int failures, AuthOptions settings)
    {
        var over = failures - Math.Max(1, settings.AccountFailuresBeforeBackoff);
        return over < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over, 30)), settings.AccountBackoffMax.TotalSeconds));
    }

    private static string Stored(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
