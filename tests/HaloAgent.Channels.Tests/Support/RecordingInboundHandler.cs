using System.Collections.Concurrent;
using HaloAgent.Channels.Inbound;

namespace HaloAgent.Channels.Tests.Support;

/// <summary>Records every hand-off; can be told to fail the next N.</summary>
public sealed class RecordingInboundHandler : IInboundMessageHandler
{
    private int _failuresLeft;
    private Func<Exception> _failure = () => new InvalidOperationException("agent unavailable");

    public ConcurrentQueue<InboundMessage> Messages { get; } = new();

    public int Calls;

    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    /// <summary>The next <paramref name="count"/> hand-offs throw what <paramref name="failure"/> makes.</summary>
    public void FailNext(int count, Func<Exception> failure)
    {
        _failure = failure;
        FailNext(count);
    }

    public Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw _failure();
        }

        Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}
