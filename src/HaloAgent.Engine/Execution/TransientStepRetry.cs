using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace HaloAgent.Engine.Execution;

/// <summary>
/// Retries one attempt of a step while it fails transiently (<see cref="ITransientFailureClassifier"/>), with
/// exponential backoff and jitter, until <see cref="EngineLimits.TransientRetryBudget"/> has passed since the attempt
/// began. Every retry runs inside the same step, so it keeps the step's idempotency key and the claim's lease (which
/// the runtime renews meanwhile); only when the budget is spent does the failure reach the node's own retry policy and
/// then become an incident.
/// </summary>
internal sealed class TransientStepRetry
{
    private static readonly ResiliencePropertyKey<long> Began = new("haloagent.step.began");

    private readonly ITransientFailureClassifier[] _classifiers;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _budget;
    private readonly ResiliencePipeline? _pipeline;

    public TransientStepRetry(IEnumerable<ITransientFailureClassifier> classifiers, EngineLimits limits, TimeProvider clock, ILogger logger)
    {
        _classifiers = classifiers.ToArray();
        _clock = clock;
        _budget = limits.TransientRetryBudget;
        if (_classifiers.Length == 0 || _budget <= TimeSpan.Zero)
        {
            return; // nothing is transient: a step runs exactly as it did, with no pipeline around it
        }

        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue, // bounded by the budget in ShouldHandle
                Delay = limits.TransientRetryDelay,
                MaxDelay = limits.TransientRetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true, // after a database restart, every node's waiting steps must not come back in one wave
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && IsTransient(ex)
                    && _clock.GetElapsedTime(args.Context.Properties.GetValue(Began, 0L)) < _budget),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "A step failed transiently; retry {Attempt} in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private bool IsTransient(Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            return false;
        }

        foreach (var classifier in _classifiers)
        {
            if (classifier.IsTransient(exception))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The attempt, retried on transient failures; the attempt itself when nothing is classified transient.</summary>
    public Func<CancellationToken, ValueTask<T>> Around<T>(Func<CancellationToken, ValueTask<T>> attempt) =>
        _pipeline is null ? attempt : token => ExecuteAsync(_pipeline, attempt, token);

    private async ValueTask<T> ExecuteAsync<T>(ResiliencePipeline pipeline, Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(Began, _clock.GetTimestamp());
            return await pipeline.ExecuteAsync(static (context, attempt) => attempt(context.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
