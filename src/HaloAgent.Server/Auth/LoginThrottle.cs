using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Auth;

/// <summary>
/// Failed sign-ins per account (or per trusted device), whatever address they come from: after
/// <see cref="AuthOptions.AccountFailuresBeforeBackoff"/> failures each further attempt waits, 1 s doubling up to
/// <see cref="AuthOptions.AccountBackoffMax"/>. Unknown e-mails are counted exactly like real ones, so the answers never
/// tell which accounts exist. A success clears the count. Kept per node, in memory (a cluster of N nodes allows up to
/// N times the attempts before the first wait).
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IOptionsMonitor<AuthOptions> options)
{
    /// <summary>Failures older than this are forgotten.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>Bounds the memory an attacker spraying made-up e-mails can take.</summary>
    private const int MaxTracked = 50_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long the key must still wait before its next attempt is checked; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string key)
    {
        var now = clock.GetUtcNow();
        return _entries.TryGetValue(key, out var entry) && entry.LockedUntil > now ? entry.LockedUntil - now : null;
    }

    public void Failed(string key)
    {
        var now = clock.GetUtcNow();
        var settings = options.CurrentValue;
        if (_entries.Count >= MaxTracked)
        {
            Prune(now);
        }

        _entries.AddOrUpdate(
            key,
            _ => Next(0, now, settings),
            (_, entry) => Next(now - entry.LastFailure > Memory ? 0 : entry.Failures, now, settings));
    }

    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    private static Entry Next(int failures, DateTimeOffset now, AuthOptions settings)
    {
        failures++;
        var over = failures - Math.Max(1, settings.AccountFailuresBeforeBackoff);
        var wait = over < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over, 30)), settings.AccountBackoffMax.TotalSeconds));
        return new Entry(failures, now, now + wait);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.LockedUntil <= now && now - entry.LastFailure > Memory)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= MaxTracked)
        {
            // Still full of recent failures: keep the locked ones (the attack in progress), drop the rest.
            foreach (var (key, entry) in _entries)
            {
                if (entry.LockedUntil <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
}
