using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Auth.Sessions;

/// <summary>
/// Server-side sessions: started at sign-in, checked on every request (through a short per-node cache, so a busy
/// dashboard costs a read every few seconds, not one per request), and revoked on logout, "sign out everywhere", a
/// password change or the user's removal. A check also reads the user's current row, so a role change applies to the
/// next request.
/// </summary>
public sealed class SessionStore(IDbContextFactory<AuthDbContext> factory, TimeProvider clock, IOptionsMonitor<AuthOptions> options)
{
    /// <summary>Enough for every signed-in user of a large deployment; past it the cache starts again (a cache miss costs one read).</summary>
    private const int MaxCached = 10_000;

    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);

    /// <summary>Starts a session for the user; returns the id for the cookie (never stored as is).</summary>
    public async Task<string> StartAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var id = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(new UserSession
        {
            Id = Key(id),
            UserId = user.Id,
            BusinessId = user.BusinessId,
            CreatedAt = now.ToUnixTimeMilliseconds(),
            LastSeenAt = now.ToUnixTimeMilliseconds(),
            ExpiresAt = now.Add(options.CurrentValue.SessionAbsoluteLifetime).ToUnixTimeMilliseconds(),
        });
        // The user's long-dead sessions go as a new one starts: the table stays the size of its live sessions.
        var stale = now.AddDays(-30).ToUnixTimeMilliseconds();
        await db.Sessions.Where(s => s.UserId == user.Id && (s.ExpiresAt < stale || s.RevokedAt < stale)).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>The session's user as they are now; null when the session is unknown, revoked, past its end or its user is gone.</summary>
    public async Task<SessionUser?> ValidateAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = Key(sessionId);
        if (!_cache.TryGetValue(key, out var cached) || now < cached.ReadAt || now - cached.ReadAt >= options.CurrentValue.SessionCheckInterval)
        {
            cached = new Cached(await ReadAsync(key, now, cancellationToken), now);
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[key] = cached;
        }

        return cached.User is { } user && now.ToUnixTimeMilliseconds() < user.ExpiresAt ? user : null;
    }

    public async Task RevokeAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        var key = Key(sessionId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == key && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        _cache.TryRemove(key, out _);
    }

    /// <summary>Revokes every session of the user, except <paramref name="keepSessionId"/> when given; returns how many.</summary>
    public async Task<int> RevokeAllAsync(string userId, string reason, string? keepSessionId, CancellationToken cancellationToken)
    {
        var keep = keepSessionId is null ? null : Key(keepSessionId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var revoked = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        Forget(userId);
        return revoked;
    }

    /// <summary>Drops what this node cached of the user's sessions: their next request reads the user's row again.</summary>
    public void Forget(string userId)
    {
        foreach (var (key, cached) in _cache)
        {
            if (cached.User?.UserId == userId)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    private async Task<SessionUser?> ReadAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await (
            from s in db.Sessions.AsNoTracking()
            join u in db.Users.AsNoTracking() on s.UserId equals u.Id
            where s.Id == key && s.RevokedAt == null && s.ExpiresAt > nowMs
            select new { Session = s, User = u }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (nowMs - found.Session.LastSeenAt >= LastSeenResolution.TotalMilliseconds)
        {
            await db.Sessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, nowMs), cancellationToken);
        }

        var user = found.User;
        return new SessionUser(key, user.Id, user.BusinessId, user.Email, user.Name, user.Role, found.Session.ExpiresAt);
    }

    private static string Key(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Cached(SessionUser? User, DateTimeOffset ReadAt);
}
