using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Validation;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Engine.Tests.Support;

/// <summary>
/// The engine as the application wires it (DI, core activities) plus the test activities, on a manual clock.
/// One harness per test: activities are singletons of its container, so their recordings never mix between tests.
/// </summary>
public sealed class EngineHarness : IDisposable
{
    public static readonly DateTimeOffset StartTime = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public EngineHarness(Action<IServiceCollection>? configure = null)
    {
        Clock = new ManualClock(StartTime);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddHaloEngineCore()
            .AddActivity<RecordActivity>()
            .AddActivity<FlakyActivity>()
            .AddActivity<ApprovalActivity>()
            .AddActivity<SpinActivity>()
            .AddActivity<ProbeActivity>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Compiler = _services.GetRequiredService<FlowCompiler>();
        Executor = _services.GetRequiredService<FlowExecutor>();
    }

    public ManualClock Clock { get; }

    public FlowCompiler Compiler { get; }

    public FlowExecutor Executor { get; }

    public IServiceProvider Services => _services;

    /// <summary>The singleton instance of a registered activity type (to configure it or read what it recorded).</summary>
    public T Activity<T>() where T : IActivity => _services.GetServices<IActivity>().OfType<T>().Single();

    public IReadOnlyList<ValidationError> Validate(string json) => Compiler.Validate(FlowJson.Deserialize(json));

    public CompiledFlow Compile(string json, int version = 1) => Compiler.Compile(FlowJson.Deserialize(json), version);

    /// <summary>A fresh instance about to run the flow's (first) Start node.</summary>
    public static FlowInstanceState NewInstance(
        CompiledFlow flow, string id = "inst-1", string? correlationKey = null, IDictionary<string, object?>? variables = null, object? @event = null) =>
        new()
        {
            Id = id,
            FlowId = flow.FlowId,
            Version = flow.Version,
            CorrelationKey = correlationKey,
            Status = InstanceStatus.Running,
            CurrentNodeId = flow.StartNodes[0].Id,
            Variables = variables is null
                ? new Dictionary<string, object?>(StringComparer.Ordinal)
                : new Dictionary<string, object?>(variables, StringComparer.Ordinal),
            Event = @event,
        };

    public Task<RunResult> RunAsync(CompiledFlow flow, FlowInstanceState state, ResumeSignal? signal = null, CancellationToken cancellationToken = default) =>
        Executor.RunAsync(flow, state, signal, cancellationToken);

    public void Dispose() => _services.Dispose();
}
