using Microsoft.Extensions.Options;

namespace HaloAgent.Payments.Tests.Support;

/// <summary>An options monitor with a fixed value (for classes tested without a container).</summary>
public sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
