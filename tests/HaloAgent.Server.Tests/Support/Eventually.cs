using System.Diagnostics;

namespace HaloAgent.Server.Tests.Support;

/// <summary>
/// Waits for a condition that background workers make true, by re-checking it; fails with the last observation after
/// a generous bound. This is synchronisation on an observable state, not a sleep standing in for it.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null, string? what = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"{what ?? "Condition"} not reached within {limit.TotalSeconds:0} s; last value: {Describe(value)}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    /// <summary>A list's items rather than its type name, so a timeout says what was seen.</summary>
    private static string Describe(object? value) => value switch
    {
        string text => text,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>()) + "]",
        _ => value?.ToString() ?? "null",
    };
}
