using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>The engine core: catalogue, compiler and executor, with the core activities. Domain modules add their activities the same way.</summary>
    public static IServiceCollection AddHaloEngineCore(this IServiceCollection services)
    {
        services.AddOptions<EngineLimits>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TemplateEngine>();
        services.TryAddSingleton<IVariantAssigner, HashingVariantAssigner>();
        services.TryAddSingleton<ISplitReleases, NoSplitReleases>();
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<FlowCompiler>();
        services.TryAddSingleton<FlowExecutor>();
        services.AddActivity<StartActivity>()
            .AddActivity<DecisionActivity>()
            .AddActivity<SwitchActivity>()
            .AddActivity<SplitActivity>()
            .AddActivity<DelayActivity>()
            .AddActivity<WaitForEventActivity>()
            .AddActivity<SetVariableActivity>()
            .AddActivity<LogActivity>()
            .AddActivity<EndActivity>();
        return services;
    }

    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IActivity
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, TActivity>());
        return services;
    }
}
