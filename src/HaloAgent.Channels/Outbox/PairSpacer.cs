using HaloAgent.Channels.WhatsApp;
using Microsoft.Extensions.Options;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// Keeps <c>WhatsApp:PairSpacing</c> between two sends from one business number to one customer (Meta's pair rate
/// limit, 131056). Per node, like the throughput limit; the outbox also sends one message per customer at a time.
/// </summary>
internal sealed class PairSpacer(TimeProvider clock, IOptionsMonitor<WhatsAppOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly Dictionary<(string Number, string Recipient), DateTimeOffset> _lastSent = [];

    /// <summary><see cref="TimeSpan.Zero"/> when a message may go to the recipient now, else how long to wait.</summary>
    public TimeSpan WaitFor(string phoneNumberId, string recipient)
    {
        var now = clock.GetUtcNow();
        lock (_lastSent)
        {
            return _lastSent.TryGetValue((phoneNumberId, recipient), out var last) && last + options.CurrentValue.PairSpacing > now
                ? last + options.CurrentValue.PairSpacing - now
                : TimeSpan.Zero;
        }
    }

    /// <summary>Notes a send to the recipient now.</summary>
    public void Record(string phoneNumberId, string recipient)
    {
        var now = clock.GetUtcNow();
        lock (_lastSent)
        {
            _lastSent[(phoneNumberId, recipient)] = now;
            if (_lastSent.Count > PruneAbove)
            {
                // Entries older than the spacing no longer hold anything back.
                var horizon = now - options.CurrentValue.PairSpacing;
                foreach (var stale in _lastSent.Where(e => e.Value <= horizon).Select(e => e.Key).ToList())
                {
                    _lastSent.Remove(stale);
                }
            }
        }
    }
}
